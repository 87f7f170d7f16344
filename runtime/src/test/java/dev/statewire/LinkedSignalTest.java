package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LinkedSignalTest {
  private final ReactiveContext ctx = ReactiveContext.builder().name("linked-test").build();
  private final Signal<List<String>> options = ctx.signal(List.of("a", "b", "c"));

  private LinkedSignal<String> firstOption() {
    return LinkedSignal.of(ctx, () -> options.get().get(0), (s, previous) -> s, String::equals);
  }

  @Test
  void simpleFormFollowsItsComputationUntilSetAndResetsWhenItChanges() {
    Signal<Integer> n = Signal.of(1);
    LinkedSignal<Integer> doubled = LinkedSignal.of(() -> n.get() * 2);
    assertEquals(2, doubled.get());
    doubled.set(7);
    assertEquals(7, doubled.get());
    assertEquals(7, doubled.peek());
    n.set(5);
    assertEquals(10, doubled.get());
  }

  @Test
  void aManualValueHoldsUntilTheSourceChanges() {
    LinkedSignal<String> selected = firstOption();
    assertEquals("a", selected.get());
    selected.set("b");
    options.set(List.of("a", "b", "c")); // equal list: no change
    assertEquals("b", selected.get());
    options.set(List.of("x", "y"));
    assertEquals("x", selected.get());
  }

  @Test
  void aSetAfterAnUnreadSourceChangeWins() {
    // reaktiv loses this set: the pending recomputation overrides it on the next read
    Signal<Integer> src = ctx.signal(1);
    LinkedSignal<Integer> linked = LinkedSignal.of(ctx, src::get, (s, p) -> s * 10, Integer::equals);
    assertEquals(10, linked.get());
    src.set(2);
    linked.set(999);
    assertEquals(999, linked.get());
    src.set(3);
    assertEquals(30, linked.get());
  }

  @Test
  void aSetBeforeTheFirstReadStillTracksTheSource() {
    LinkedSignal<String> selected = firstOption();
    selected.set("c");
    assertEquals("c", selected.get());
    options.set(List.of("z"));
    assertEquals("z", selected.get());
  }

  @Test
  void theAdvancedFormGetsThePreviousValueAndSourceIncludingManualValues() {
    List<LinkedSignal.Previous<List<String>, String>> previousSeen = new ArrayList<>();
    LinkedSignal<String> selected =
        LinkedSignal.of(
            ctx,
            options::get,
            (List<String> opts, LinkedSignal.Previous<List<String>, String> previous) -> {
              previousSeen.add(previous);
              return previous != null && opts.contains(previous.value())
                  ? previous.value()
                  : opts.get(0);
            },
            String::equals);
    assertEquals("a", selected.get());
    assertNull(previousSeen.get(0));
    selected.set("c");
    options.set(List.of("b", "c"));
    assertEquals("c", selected.get()); // kept: still offered
    assertEquals(new LinkedSignal.Previous<>(List.of("a", "b", "c"), "c"), previousSeen.get(1));
    options.set(List.of("d"));
    assertEquals("d", selected.get());
    assertEquals(new LinkedSignal.Previous<>(List.of("b", "c"), "c"), previousSeen.get(2));
  }

  @Test
  void aNullPreviousValueIsStillPassedAsAPreviousState() {
    Signal<Integer> src = ctx.signal(1);
    List<LinkedSignal.Previous<Integer, String>> previousSeen = new ArrayList<>();
    LinkedSignal<String> linked =
        LinkedSignal.of(
            ctx,
            src::get,
            (Integer s, LinkedSignal.Previous<Integer, String> previous) -> {
              previousSeen.add(previous);
              return s == 1 ? null : "n" + s;
            },
            java.util.Objects::equals);
    assertNull(linked.get());
    src.set(2);
    assertEquals("n2", linked.get());
    assertEquals(new LinkedSignal.Previous<Integer, String>(1, null), previousSeen.get(1));
  }

  @Test
  void theComputationIsUntrackedOnlyTheSourceIsADependency() {
    Signal<String> suffix = ctx.signal("!");
    AtomicInteger runs = new AtomicInteger();
    LinkedSignal<String> linked =
        LinkedSignal.of(
            ctx,
            () -> options.get().get(0),
            (s, p) -> {
              runs.incrementAndGet();
              return s + suffix.get();
            },
            String::equals);
    assertEquals("a!", linked.get());
    suffix.set("?");
    assertEquals("a!", linked.get());
    assertEquals(1, runs.get());
    options.set(List.of("q"));
    assertEquals("q?", linked.get());
  }

  @Test
  void setOverridesAFailingSourceUntilItChanges() {
    Signal<Integer> divisor = ctx.signal(0);
    LinkedSignal<Integer> quotient = LinkedSignal.of(ctx, () -> 10 / divisor.get(), (s, p) -> s,
        Integer::equals);
    assertThrows(ArithmeticException.class, quotient::get);
    quotient.set(-1);
    assertEquals(-1, quotient.get());
    divisor.set(5);
    assertEquals(2, quotient.get());
  }

  @Test
  void effectsReactToSetsAndResetsButNotToEqualValues() {
    LinkedSignal<String> selected = firstOption();
    List<String> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(selected.get()));
    selected.set("b");
    selected.set("b");
    options.set(List.of("b", "z")); // resets to "b": equal, no run
    options.set(List.of("y"));
    assertEquals(List.of("a", "b", "y"), seen);
  }

  @Test
  void updateAppliesToTheCurrentValue() {
    LinkedSignal<String> selected = firstOption();
    assertEquals("a+", selected.update(v -> v + "+"));
    assertEquals("a+", selected.get());
  }

  @Test
  void writingInsideAComputedIsRejected() {
    LinkedSignal<String> selected = firstOption();
    Computed<String> impure =
        ctx.computed(
            () -> {
              selected.set("b");
              return "";
            });
    assertThrows(IllegalWriteException.class, impure::get);
    assertEquals("a", selected.get());
  }
}
