package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bulk changes of the reactive collections commit once: an effect never sees a half-done one. */
class BulkMutationTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void reversingAListInMutateIsOneCommit() {
    ReactiveList<Integer> list = new ReactiveList<>(ctx);
    list.addAll(List.of(1, 2, 3));
    List<List<Integer>> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(list.snapshot()));
    list.mutate(Collections::reverse);
    assertEquals(List.of(List.of(1, 2, 3), List.of(3, 2, 1)), seen);
  }

  @Test
  void reversingTheListItselfShowsHalfReversedStatesWhichIsWhyMutateExists() {
    ReactiveList<Integer> list = new ReactiveList<>(ctx);
    list.addAll(List.of(1, 2, 3));
    List<List<Integer>> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(list.snapshot()));
    Collections.reverse(list);
    assertEquals(List.of(3, 2, 1), seen.get(seen.size() - 1));
    assertEquals(List.of(1, 2, 1), seen.get(1), "each set() commits on its own");
  }

  @Test
  void listBulkMethodsEachRunTheEffectOnce() {
    ReactiveList<Integer> list = new ReactiveList<>(ctx);
    list.addAll(List.of(3, 1, 2, 4));
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      list.snapshot();
      runs.incrementAndGet();
    });
    list.removeIf(x -> x % 2 == 0);
    list.replaceAll(x -> x * 10);
    list.sort(Comparator.naturalOrder());
    list.addAll(List.of(5, 6));
    assertEquals(1 + 4, runs.get());
    assertEquals(List.of(10, 30, 5, 6), list);
  }

  @Test
  void aFailingMutateLeavesTheListUnchangedAndRunsNothing() {
    ReactiveList<Integer> list = new ReactiveList<>(ctx);
    list.addAll(List.of(1, 2));
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      list.snapshot();
      runs.incrementAndGet();
    });
    assertThrows(IllegalStateException.class, () -> list.mutate(l -> {
      l.add(3);
      throw new IllegalStateException("half done");
    }));
    assertEquals(List.of(1, 2), list);
    assertEquals(1, runs.get());
  }

  @Test
  void mapMutateIsOneCommitAndNotifiesOnlyChangedKeys() {
    ReactiveMap<String, Integer> map = new ReactiveMap<>(ctx);
    map.put("a", 1);
    map.put("b", 2);
    map.put("c", 3);
    List<Map<String, Integer>> seen = new ArrayList<>();
    AtomicInteger aRuns = new AtomicInteger();
    ctx.effect(() -> seen.add(map.snapshot()));
    ctx.effect(() -> {
      map.get("a");
      aRuns.incrementAndGet();
    });
    map.mutate(m -> {
      m.remove("b");
      m.put("c", 30);
      m.put("d", 4);
    });
    assertEquals(2, seen.size());
    assertEquals(Map.of("a", 1, "c", 30, "d", 4), seen.get(1));
    assertEquals(List.of("a", "c", "d"), new ArrayList<>(map.keySet()));
    assertEquals(1, aRuns.get(), "\"a\" did not change");
  }

  @Test
  void mapMutateKeepsTheOrderTheChangeMade() {
    ReactiveMap<String, Integer> map = new ReactiveMap<>(ctx);
    map.put("a", 1);
    map.put("b", 2);
    map.mutate(m -> m.put("a", m.remove("a")));
    assertEquals(List.of("b", "a"), new ArrayList<>(map.keySet()));
    assertEquals(Map.of("a", 1, "b", 2), map);
  }

  @Test
  void setMutateIsOneCommit() {
    ReactiveSet<Integer> set = new ReactiveSet<>(ctx);
    set.addAll(List.of(1, 2, 3));
    List<Set<Integer>> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(set.snapshot()));
    set.mutate(s -> {
      s.removeIf(x -> x < 3);
      s.addAll(List.of(4, 5));
    });
    assertEquals(List.of(Set.of(1, 2, 3), Set.of(3, 4, 5)), seen);
    assertEquals(List.of(3, 4, 5), new ArrayList<>(set));
    assertThrows(IllegalStateException.class, () -> set.mutate(s -> {
      s.clear();
      throw new IllegalStateException("half done");
    }));
    assertEquals(Set.of(3, 4, 5), set);
  }
}
