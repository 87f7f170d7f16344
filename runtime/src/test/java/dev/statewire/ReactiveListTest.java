package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactiveListTest {
  private final ReactiveContext ctx = ReactiveContext.builder().name("list-test").build();
  private final ReactiveList<String> list = new ReactiveList<>(ctx);

  @Test
  void aReadOfOneIndexIsNotInvalidatedByAnAppend() {
    list.add("a");
    CountingComputed<String> first = new CountingComputed<>(ctx, () -> list.get(0));
    assertEquals(1, first.runsAfterRead());
    list.add("b");
    list.set(1, "B");
    list.set(0, "a"); // equal: no change
    assertEquals(1, first.runsAfterRead());
    list.set(0, "A");
    assertEquals(2, first.runsAfterRead());
    assertEquals("A", first.get());
  }

  @Test
  void insertionsAndRemovalsInvalidateTheIndexesThatShift() {
    list.addAll(List.of("a", "b", "c"));
    CountingComputed<String> first = new CountingComputed<>(ctx, () -> list.get(0));
    CountingComputed<String> third = new CountingComputed<>(ctx, () -> list.get(2));
    first.runsAfterRead();
    third.runsAfterRead();
    list.remove(1); // [a, c]: index 2 is gone, index 0 unchanged
    assertEquals(1, first.runsAfterRead());
    assertThrows(IndexOutOfBoundsException.class, third::get);
    list.add(0, "z"); // [z, a, c]
    assertEquals(2, first.runsAfterRead());
    assertEquals("z", first.get());
    assertEquals("c", third.get());
  }

  @Test
  void anOutOfRangeReadIsInvalidatedWhenTheListGrowsToIt() {
    CountingComputed<String> second =
        new CountingComputed<>(
            ctx,
            () -> {
              try {
                return list.get(1);
              } catch (IndexOutOfBoundsException e) {
                return "none";
              }
            });
    assertEquals("none", second.get());
    list.add("a");
    assertEquals(1, second.runsAfterRead());
    list.add("b");
    assertEquals(2, second.runsAfterRead());
    assertEquals("b", second.get());
  }

  @Test
  void sizeIsInvalidatedOnlyByLengthChanges() {
    list.add("a");
    CountingComputed<Integer> size = new CountingComputed<>(ctx, list::size);
    assertEquals(1, size.runsAfterRead());
    list.set(0, "b");
    list.sort(Comparator.naturalOrder());
    assertEquals(1, size.runsAfterRead());
    list.add("c");
    assertEquals(2, size.runsAfterRead());
    assertEquals(2, size.get());
  }

  @Test
  void iterationIsInvalidatedByAnyChange() {
    list.addAll(List.of("b", "a"));
    CountingComputed<String> joined =
        new CountingComputed<>(
            ctx,
            () -> {
              StringBuilder sb = new StringBuilder();
              for (String s : list) {
                sb.append(s);
              }
              return sb.toString();
            });
    assertEquals("ba", joined.get());
    list.sort(Comparator.naturalOrder());
    assertEquals("ab", joined.get());
    assertEquals(2, joined.runsAfterRead());
    list.sort(Comparator.naturalOrder()); // already sorted: no change
    assertEquals(2, joined.runsAfterRead());
  }

  @Test
  void iteratorsAndSubListsAreUnmodifiableSnapshots() {
    list.addAll(List.of("a", "b", "c"));
    assertThrows(UnsupportedOperationException.class, () -> {
      var it = list.iterator();
      it.next();
      it.remove();
    });
    assertThrows(UnsupportedOperationException.class, () -> list.listIterator().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> list.subList(0, 2).clear());
    List<String> sub = list.subList(1, 3);
    list.clear();
    assertEquals(List.of("b", "c"), sub);
    assertTrue(list.isEmpty());
  }

  @Test
  void bulkOperationsAreAtomicAndRunEffectsOnce() {
    List<List<String>> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(list.snapshot()));
    list.addAll(List.of("a", "bb", "c", "dd"));
    list.removeIf(s -> s.length() == 2);
    list.replaceAll(String::toUpperCase);
    list.addAll(1, List.of("x", "y"));
    list.retainAll(List.of("A", "y"));
    list.removeAll(List.of("A"));
    assertTrue(list.remove("y"));
    assertEquals(
        List.of(
            List.of(),
            List.of("a", "bb", "c", "dd"),
            List.of("a", "c"),
            List.of("A", "C"),
            List.of("A", "x", "y", "C"),
            List.of("A", "y"),
            List.of("y"),
            List.of()),
        seen);
  }

  @Test
  void aFailingBulkOperationChangesNothing() {
    list.addAll(List.of("a", "b"));
    assertThrows(
        IllegalStateException.class,
        () ->
            list.replaceAll(
                s -> {
                  if (s.equals("b")) {
                    throw new IllegalStateException("no");
                  }
                  return s + "!";
                }));
    assertEquals(List.of("a", "b"), list);
  }

  @Test
  void aWriteInsideAComputedFailsAndChangesNothing() {
    Computed<Boolean> impure = ctx.computed(() -> list.add("x"));
    assertThrows(IllegalWriteException.class, impure::get);
    assertTrue(list.isEmpty());
  }

  @Test
  void equalsHashCodeAndQueriesFollowTheListContract() {
    list.addAll(List.of("a", "b", "a"));
    assertEquals(List.of("a", "b", "a"), list);
    assertEquals(List.of("a", "b", "a").hashCode(), list.hashCode());
    assertEquals(2, list.lastIndexOf("a"));
    assertEquals(1, list.indexOf("b"));
    assertTrue(list.contains("b"));
    assertEquals("[a, b, a]", list.toString());
    assertEquals("a", list.remove(0));
    assertEquals("b", list.set(0, "c"));
  }
}
