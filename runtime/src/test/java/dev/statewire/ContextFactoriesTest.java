package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every node can be created in a given context, and with an equality where it has a value. */
class ContextFactoriesTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @AfterEach
  void close() {
    ctx.close();
  }

  @Test
  void collectionsWithContentsInAGivenContext() {
    ReactiveList<String> list = new ReactiveList<>(ctx, List.of("a", "b"));
    ReactiveMap<String, Integer> map = new ReactiveMap<>(ctx, Map.of("a", 1));
    ReactiveSet<String> set = new ReactiveSet<>(ctx, Set.of("x"));
    assertSame(ctx, list.context());
    assertSame(ctx, map.context());
    assertSame(ctx, set.context());
    assertEquals(List.of("a", "b"), list);
    assertEquals(Map.of("a", 1), map);
    assertEquals(Set.of("x"), set);
    List<Integer> sizes = new ArrayList<>();
    ctx.effect(() -> sizes.add(list.size()));
    list.add("c");
    assertEquals(List.of(2, 3), sizes);
  }

  @Test
  void linkedSignalSimpleFormInAGivenContextWithAndWithoutAnEquality() {
    Signal<String> source = ctx.signal("Red");
    LinkedSignal<String> plain = LinkedSignal.of(ctx, source::get);
    LinkedSignal<String> caseless =
        LinkedSignal.of(ctx, source::get, (a, b) -> a.equalsIgnoreCase(b));
    assertSame(ctx, plain.context());
    assertSame(ctx, caseless.context());
    List<String> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(caseless.get()));
    source.set("RED");
    assertEquals(List.of("Red"), seen, "equal ignoring case: nothing downstream re-runs");
    source.set("blue");
    assertEquals(List.of("Red", "blue"), seen);
    assertEquals("blue", plain.get());
  }

  @Test
  void linkedSignalAdvancedFormWithAnEqualityInTheCurrentContext() {
    Signal<List<String>> options = Signal.of(List.of("a", "b"));
    LinkedSignal<String> selected =
        LinkedSignal.of(
            options::get,
            (opts, previous) -> previous != null && opts.contains(previous.value())
                ? previous.value() : opts.get(0),
            Objects::equals);
    assertSame(ReactiveContext.global(), selected.context());
    selected.set("b");
    options.set(List.of("b", "c"));
    assertEquals("b", selected.get(), "still offered: kept");
  }
}
