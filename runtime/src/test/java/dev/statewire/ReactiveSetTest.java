package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReactiveSetTest {
  private final ReactiveContext ctx = ReactiveContext.builder().name("set-test").build();
  private final ReactiveSet<String> set = new ReactiveSet<>(ctx);

  @Test
  void membershipIsTrackedPerElement() {
    CountingComputed<Boolean> hasA = new CountingComputed<>(ctx, () -> set.contains("a"));
    assertEquals(1, hasA.runsAfterRead());
    set.add("b");
    set.remove("b");
    set.remove("a"); // absent: no change
    assertEquals(1, hasA.runsAfterRead());
    set.add("a");
    assertEquals(2, hasA.runsAfterRead());
    assertTrue(hasA.get());
    set.add("a"); // present: no change
    assertEquals(2, hasA.runsAfterRead());
    set.remove("a");
    assertEquals(3, hasA.runsAfterRead());
    assertFalse(hasA.get());
  }

  @Test
  void sizeAndIterationAreTracked() {
    CountingComputed<Integer> size = new CountingComputed<>(ctx, set::size);
    CountingComputed<String> joined = new CountingComputed<>(ctx, () -> String.join(",", set));
    assertEquals(1, size.runsAfterRead());
    set.addAll(List.of("x", "y"));
    assertEquals(2, size.runsAfterRead());
    assertEquals("x,y", joined.get());
    set.add("x");
    assertEquals(2, size.runsAfterRead());
    assertEquals(1, joined.runsAfterRead());
  }

  @Test
  void iteratorsAreUnmodifiableSnapshots() {
    set.addAll(List.of("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> {
      var it = set.iterator();
      it.next();
      it.remove();
    });
    var it = set.iterator();
    set.clear();
    assertEquals("a", it.next());
    assertTrue(set.isEmpty());
  }

  @Test
  void bulkOperationsRunEffectsOnce() {
    List<Set<String>> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(set.snapshot()));
    set.addAll(List.of("a", "b", "c"));
    set.retainAll(List.of("a", "b"));
    set.removeAll(List.of("a"));
    set.removeIf(s -> s.equals("zzz"));
    set.clear();
    assertEquals(
        List.of(Set.of(), Set.of("a", "b", "c"), Set.of("a", "b"), Set.of("b"), Set.of()), seen);
  }

  @Test
  void equalsHashCodeAndContainsAllFollowTheSetContract() {
    set.addAll(List.of("a", "b"));
    assertEquals(Set.of("a", "b"), set);
    assertEquals(set, Set.of("b", "a"));
    assertEquals(Set.of("a", "b").hashCode(), set.hashCode());
    assertTrue(set.containsAll(List.of("a", "b")));
    assertEquals("[a, b]", set.toString());
  }

  @Test
  void aWriteInsideAComputedFailsAndChangesNothing() {
    Computed<Boolean> impure = ctx.computed(() -> set.add("x"));
    assertThrows(IllegalWriteException.class, impure::get);
    assertTrue(set.isEmpty());
  }
}
