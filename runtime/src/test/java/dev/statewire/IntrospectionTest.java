package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes' dependencies, subscribers and {@code toString()}, and describing a state object. */
class IntrospectionTest {
  private final ReactiveContext ctx = ReactiveContext.builder().name("inspected").build();

  @Test
  void dependenciesAndSubscribersFollowTheLastRuns() {
    Signal<Integer> a = ctx.signal(1).named("a");
    Signal<Integer> b = ctx.signal(2).named("b");
    Computed<Integer> sum = ctx.computed(() -> a.get() + b.get()).named("sum");
    Computed<Integer> unwatched = ctx.computed(() -> a.get() * 10).named("unwatched");
    assertEquals(List.of(), sum.dependencies(), "never ran");
    unwatched.get();
    Effect log = ctx.effect(() -> sum.get()).named("log");

    assertEquals(List.of(a, b), sum.dependencies());
    assertEquals(List.of(sum), log.dependencies());
    assertEquals(List.of(a), unwatched.dependencies());
    assertEquals(List.of(), a.dependencies());
    assertEquals(List.of(sum), a.subscribers(), "an unwatched computed does not subscribe");
    assertEquals(List.of(log), sum.subscribers());
    assertEquals(List.of(), log.subscribers());

    log.close();
    assertEquals(List.of(), a.subscribers(), "closing the effect unlinked its sources");
    assertEquals(List.of(), log.dependencies());
  }

  @Test
  void aSignalPrintsItsNameAndValue() {
    Signal<Integer> counter = ctx.signal(3).named("TaskState.counter");
    assertEquals("Signal 'TaskState.counter' = 3", counter.toString());
    counter.set(4);
    assertEquals("Signal 'TaskState.counter' = 4", counter.toString());
    assertEquals("TaskState.counter", ((GraphNode) counter).name());
  }

  @Test
  void aComputedPrintsItsCachedValueWithoutComputing() {
    Signal<Integer> a = ctx.signal(1).named("a");
    int[] runs = {0};
    Computed<Integer> doubled = ctx.computed(() -> {
      runs[0]++;
      return a.get() * 2;
    }).named("doubled");
    assertEquals("Computed 'doubled' <not computed>", doubled.toString());
    doubled.get();
    assertEquals("Computed 'doubled' = 2", doubled.toString());
    a.set(5);
    assertEquals("Computed 'doubled' = <stale> (was 2)", doubled.toString());
    assertEquals(1, runs[0], "printing computed nothing");

    Effect watcher = ctx.effect(() -> doubled.get());
    assertEquals("Computed 'doubled' = 10", doubled.toString());
    watcher.close();
  }

  @Test
  void aFailedComputedPrintsWhatItThrew() {
    Computed<Integer> broken = ctx.<Integer>computed(() -> {
      throw new IllegalStateException("no");
    }).named("broken");
    assertThrows(IllegalStateException.class, broken::get);
    assertEquals("Computed 'broken' = <threw java.lang.IllegalStateException: no>",
        broken.toString());
  }

  @Test
  void anEffectPrintsItsNameAndState() {
    Signal<Integer> a = ctx.signal(0);
    String[] during = new String[1];
    Effect[] self = new Effect[1];
    Effect effect = ctx.effect(() -> {
      a.get();
      if (self[0] != null) {
        during[0] = self[0].toString();
      }
    }).named("render");
    self[0] = effect;
    assertEquals("Effect 'render' (active)", effect.toString());
    assertEquals("render", effect.name());
    a.set(1);
    assertEquals("Effect 'render' (running)", during[0]);
    ctx.batch(() -> {
      a.set(2);
      assertEquals("Effect 'render' (queued)", effect.toString());
    });
    effect.close();
    assertEquals("Effect 'render' (closed)", effect.toString());
  }

  @Test
  void describeListsAStateObjectsNodesWithTheirEdges() {
    Counter counter = new Counter(ctx);
    ctx.effect(() -> counter.countSignal.get()).named("watch");
    counter.add(2);
    assertEquals("Counter in ReactiveContext 'inspected'\n"
        + "  fields\n"
        + "    Signal 'Counter.count' = 2\n"
        + "      read by: Effect 'watch'\n", Statewire.describe(counter));
  }

  @Test
  void describeRefusesAPlainObject() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Statewire.describe("plain"));
    assertEquals(true, e.getMessage().startsWith("Statewire.describe(...) needs a generated "
        + "reactive object, but got a plain java.lang.String."), e.getMessage());
  }

  @Test
  void anUnnamedNodeShowsItsKindAndIdentity() {
    String text = ctx.signal("x").toString();
    assertEquals(true, text.matches("Signal@[0-9a-f]+ = x"), text);
  }
}
