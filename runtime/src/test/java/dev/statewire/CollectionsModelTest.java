package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Random operations on each reactive collection, checked after every step against a plain
 * java.util collection: every per-key, size and content computed must hold the model's value,
 * and must have re-run exactly when what it reads changed in the model (no missed update, no
 * spurious one). Seeded: a failure names its seed and step.
 */
class CollectionsModelTest {
  private static final int KEYS = 8;
  private static final int STEPS = 3_000;
  private static final long[] SEEDS = {1, 2, 3, 42, 2026};

  /** A computed over one thing the collection exposes, with the model's view of the same. */
  private static final class Probe {
    final String what;
    final CountingComputed<Object> computed;
    final java.util.function.Supplier<Object> model;
    Object lastModel;
    int lastRuns;

    Probe(ReactiveContext ctx, String what, java.util.function.Supplier<Object> read,
        java.util.function.Supplier<Object> model) {
      this.what = what;
      this.computed = new CountingComputed<>(ctx, read);
      this.model = model;
      this.lastModel = model.get();
      this.lastRuns = computed.runsAfterRead();
    }

    void check(String where) {
      Object expected = model.get();
      int runs = computed.runsAfterRead();
      assertEquals(expected, computed.get(), where + ": value of " + what);
      boolean changed = !Objects.equals(expected, lastModel);
      assertEquals(changed, runs != lastRuns, where + ": re-ran " + what);
      lastModel = expected;
      lastRuns = runs;
    }
  }

  private static void run(long seed, List<Probe> probes, IntFunction<String> step, Random random) {
    for (int i = 0; i < STEPS; i++) {
      String op = step.apply(random.nextInt(100));
      String where = "seed " + seed + ", step " + i + " (" + op + ")";
      for (Probe p : probes) {
        p.check(where);
      }
    }
  }

  @Test
  void mapMatchesHashMap() {
    for (long seed : SEEDS) {
      ReactiveContext ctx = ReactiveContext.create();
      ReactiveMap<Integer, Integer> map = new ReactiveMap<>(ctx);
      Map<Integer, Integer> model = new HashMap<>();
      List<Probe> probes = new ArrayList<>();
      for (int k = 0; k < KEYS; k++) {
        int key = k;
        probes.add(new Probe(ctx, "get(" + k + ")", () -> map.get(key), () -> model.get(key)));
        probes.add(new Probe(ctx, "containsKey(" + k + ")", () -> map.containsKey(key),
            () -> model.containsKey(key)));
      }
      probes.add(new Probe(ctx, "size()", map::size, model::size));
      probes.add(new Probe(ctx, "content", () -> new HashMap<>(map), () -> new HashMap<>(model)));
      Random random = new Random(seed);
      run(seed, probes, dice -> {
        int k = random.nextInt(KEYS);
        int v = random.nextInt(3);
        if (dice < 40) {
          map.put(k, v);
          model.put(k, v);
          return "put " + k + "=" + v;
        } else if (dice < 65) {
          map.remove(k);
          model.remove(k);
          return "remove " + k;
        } else if (dice < 80) {
          map.merge(k, v, Integer::sum);
          model.merge(k, v, Integer::sum);
          return "merge " + k + "+" + v;
        } else if (dice < 90) {
          map.compute(k, (key, old) -> old == null || old > 2 ? null : old + 1);
          model.compute(k, (key, old) -> old == null || old > 2 ? null : old + 1);
          return "compute " + k;
        } else if (dice < 98) {
          Map<Integer, Integer> more = Map.of(k, v, (k + 1) % KEYS, v);
          map.putAll(more);
          model.putAll(more);
          return "putAll " + more;
        }
        map.clear();
        model.clear();
        return "clear";
      }, random);
    }
  }

  @Test
  void listMatchesArrayList() {
    for (long seed : SEEDS) {
      ReactiveContext ctx = ReactiveContext.create();
      ReactiveList<Integer> list = new ReactiveList<>(ctx);
      List<Integer> model = new ArrayList<>();
      List<Probe> probes = new ArrayList<>();
      for (int k = 0; k < KEYS; k++) {
        int index = k;
        probes.add(new Probe(ctx, "get(" + k + ")", () -> elementAt(list, index),
            () -> elementAt(model, index)));
      }
      probes.add(new Probe(ctx, "size()", list::size, model::size));
      probes.add(new Probe(ctx, "content", () -> new ArrayList<>(list),
          () -> new ArrayList<>(model)));
      Random random = new Random(seed);
      run(seed, probes, dice -> {
        int v = random.nextInt(3);
        if (dice < 30 || model.isEmpty()) {
          if (model.size() >= KEYS + 2) {
            list.clear();
            model.clear();
            return "clear";
          }
          list.add(v);
          model.add(v);
          return "add " + v;
        }
        int i = random.nextInt(model.size());
        if (dice < 45) {
          list.add(i, v);
          model.add(i, v);
          return "add " + i + ":" + v;
        } else if (dice < 65) {
          list.remove(i);
          model.remove(i);
          return "remove " + i;
        } else if (dice < 85) {
          list.set(i, v);
          model.set(i, v);
          return "set " + i + "=" + v;
        } else if (dice < 92) {
          list.removeIf(e -> e == v);
          model.removeIf(e -> e == v);
          return "removeIf ==" + v;
        }
        list.sort(null);
        model.sort(null);
        return "sort";
      }, random);
    }
  }

  @Test
  void setMatchesHashSet() {
    for (long seed : SEEDS) {
      ReactiveContext ctx = ReactiveContext.create();
      ReactiveSet<Integer> set = new ReactiveSet<>(ctx);
      Set<Integer> model = new HashSet<>();
      List<Probe> probes = new ArrayList<>();
      for (int k = 0; k < KEYS; k++) {
        int element = k;
        probes.add(new Probe(ctx, "contains(" + k + ")", () -> set.contains(element),
            () -> model.contains(element)));
      }
      probes.add(new Probe(ctx, "size()", set::size, model::size));
      probes.add(new Probe(ctx, "content", () -> new HashSet<>(set), () -> new HashSet<>(model)));
      Random random = new Random(seed);
      run(seed, probes, dice -> {
        int e = random.nextInt(KEYS);
        if (dice < 45) {
          set.add(e);
          model.add(e);
          return "add " + e;
        } else if (dice < 85) {
          set.remove(e);
          model.remove(e);
          return "remove " + e;
        } else if (dice < 95) {
          Set<Integer> keep = new LinkedHashSet<>(List.of(e, (e + 3) % KEYS, (e + 5) % KEYS));
          set.retainAll(keep);
          model.retainAll(keep);
          return "retainAll " + keep;
        }
        List<Integer> more = List.of(e, (e + 1) % KEYS);
        set.addAll(more);
        model.addAll(more);
        return "addAll " + more;
      }, random);
    }
  }

  private static Object elementAt(List<Integer> list, int index) {
    try {
      return list.get(index);
    } catch (IndexOutOfBoundsException e) {
      return "none";
    }
  }
}
