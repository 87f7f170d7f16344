package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReactiveMapTest {
  private final ReactiveContext ctx = ReactiveContext.builder().name("map-test").build();
  private final ReactiveMap<String, Integer> map = new ReactiveMap<>(ctx);

  @Test
  void aReadOfOneKeyIsInvalidatedOnlyByChangesToThatKey() {
    map.put("a", 1);
    CountingComputed<Integer> a = new CountingComputed<>(ctx, () -> map.get("a"));
    assertEquals(1, a.runsAfterRead());
    map.put("b", 2);
    map.remove("b");
    map.put("a", 1); // equal value: no change
    assertEquals(1, a.runsAfterRead());
    map.put("a", 5);
    assertEquals(2, a.runsAfterRead());
    assertEquals(5, a.get());
    map.remove("a");
    assertEquals(3, a.runsAfterRead());
    assertNull(a.get());
  }

  @Test
  void aReadOfAMissingKeyIsInvalidatedWhenItAppears() {
    CountingComputed<Boolean> hasC = new CountingComputed<>(ctx, () -> map.containsKey("c"));
    CountingComputed<Integer> c = new CountingComputed<>(ctx, () -> map.getOrDefault("c", -1));
    assertEquals(1, hasC.runsAfterRead());
    assertEquals(1, c.runsAfterRead());
    map.put("d", 4);
    assertEquals(1, hasC.runsAfterRead());
    map.put("c", 3);
    assertEquals(2, hasC.runsAfterRead());
    assertEquals(2, c.runsAfterRead());
    assertEquals(3, c.get());
  }

  @Test
  void sizeIsInvalidatedOnlyWhenKeysComeOrGo() {
    CountingComputed<Integer> size = new CountingComputed<>(ctx, map::size);
    assertEquals(1, size.runsAfterRead());
    map.put("a", 1);
    assertEquals(2, size.runsAfterRead());
    map.put("a", 2);
    assertEquals(2, size.runsAfterRead());
    map.remove("zzz");
    assertEquals(2, size.runsAfterRead());
    map.remove("a");
    assertEquals(3, size.runsAfterRead());
    assertTrue(map.isEmpty());
  }

  @Test
  void iterationIsInvalidatedByAnyChange() {
    map.put("a", 1);
    CountingComputed<Integer> sum =
        new CountingComputed<>(ctx, () -> map.values().stream().mapToInt(i -> i).sum());
    CountingComputed<String> keys = new CountingComputed<>(ctx, () -> map.keySet().toString());
    assertEquals(1, sum.runsAfterRead());
    map.put("a", 2);
    assertEquals(2, sum.runsAfterRead());
    assertEquals(2, sum.get());
    map.put("b", 3);
    assertEquals(3, sum.runsAfterRead());
    assertEquals("[a, b]", keys.get());
    map.put("b", 3);
    assertEquals(3, sum.runsAfterRead());
  }

  @Test
  void viewsAndEntriesAreUnmodifiableSnapshots() {
    map.put("a", 1);
    assertThrows(UnsupportedOperationException.class, () -> map.keySet().remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> map.values().clear());
    assertThrows(
        UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(9));
    assertThrows(UnsupportedOperationException.class, () -> {
      var it = map.entrySet().iterator();
      it.next();
      it.remove();
    });
    var keys = map.keySet();
    map.put("b", 2);
    assertEquals(1, keys.size());
    assertEquals(Map.of("a", 1, "b", 2), map);
  }

  @Test
  void compoundOperationsAreAtomicAndNotifyWhatTheyChange() {
    CountingComputed<Integer> a = new CountingComputed<>(ctx, () -> map.get("a"));
    assertEquals(1, a.runsAfterRead());
    assertNull(map.putIfAbsent("a", 1));
    assertEquals(2, a.runsAfterRead());
    assertEquals(1, map.putIfAbsent("a", 2));
    assertEquals(2, a.runsAfterRead());
    assertEquals(11, map.merge("a", 10, Integer::sum));
    assertEquals(3, a.runsAfterRead());
    assertEquals(11, map.compute("a", (k, v) -> v + 0));
    assertEquals(5, map.computeIfAbsent("b", k -> 5));
    assertEquals(6, map.computeIfPresent("b", (k, v) -> v + 1));
    assertEquals(3, a.runsAfterRead());
    assertTrue(map.replace("a", 11, 12));
    assertEquals(12, map.replace("a", 13));
    map.replaceAll((k, v) -> v * 2);
    assertEquals(Map.of("a", 26, "b", 12), map);
    assertTrue(map.remove("b", 12));
    assertNull(map.computeIfPresent("a", (k, v) -> null));
    assertTrue(map.isEmpty());
  }

  @Test
  void aBulkWriteRunsEffectsOnce() {
    List<Integer> sizes = new ArrayList<>();
    ctx.effect(() -> sizes.add(map.size()));
    map.putAll(Map.of("a", 1, "b", 2, "c", 3));
    map.clear();
    assertEquals(List.of(0, 3, 0), sizes);
  }

  @Test
  void aWriteInsideAComputedFailsAndChangesNothing() {
    map.put("a", 1);
    Computed<Integer> impure = ctx.computed(() -> map.put("a", 2));
    assertThrows(IllegalWriteException.class, impure::get);
    assertEquals(1, map.get("a"));
  }

  @Test
  void equalsHashCodeAndToStringFollowTheMapContract() {
    map.put("a", 1);
    map.put("b", null);
    Map<String, Integer> plain = new HashMap<>();
    plain.put("a", 1);
    plain.put("b", null);
    assertEquals(plain, map);
    assertEquals(map, plain);
    assertEquals(plain.hashCode(), map.hashCode());
    assertEquals("{a=1, b=null}", map.toString());
    assertTrue(map.containsValue(null));
  }

  @Test
  void aTrackedKeySurvivesGarbageCollectionWhileItsReaderLives() {
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(map.get("a")));
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    map.put("a", 1);
    assertEquals(java.util.Arrays.asList(null, 1), seen);
  }

  @Test
  void untrackedReadsRecordNoKeys() {
    for (int i = 0; i < 1_000; i++) {
      map.get("probe" + i);
      map.containsKey("probe" + i);
    }
    assertEquals(0, map.tracker().keyVersionCount());
  }

  @Test
  void versionsOfAbsentKeysAreSweptWithoutLosingAReader() {
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(map.get("wanted")));
    Signal<Integer> probe = ctx.signal(0);
    Computed<Integer> prober = ctx.computed(() -> map.getOrDefault("probe" + probe.get(), 0));
    for (int i = 0; i < 1_000; i++) {
      probe.set(i);
      prober.get();
      map.put("present" + i, i);
    }
    int versions = map.tracker().keyVersionCount();
    assertTrue(versions < 200, "absent-key versions were not swept: " + versions);
    map.put("wanted", 42);
    assertEquals(42, seen.get(seen.size() - 1));
  }

  @Test
  void concurrentMergesLoseNoUpdate() throws Exception {
    int threads = 8;
    int perThread = 2_000;
    Thread[] writers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      writers[t] =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  map.merge("k" + (i % 4), 1, Integer::sum);
                  map.get("k0");
                  map.size();
                }
              });
      writers[t].start();
    }
    for (Thread w : writers) {
      w.join();
    }
    int total = 0;
    for (int v : map.values()) {
      total += v;
    }
    assertEquals(threads * perThread, total);
  }
}
