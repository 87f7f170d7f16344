package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;
import static dev.statewire.benchmarks.kairo.UserWork.hard;

import dev.statewire.Computed;
import dev.statewire.Signal;
import dev.statewire.Statewire;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * molBench (TOPOLOGIES.md, "molBench"): two batches per op over a small graph with a fresh array and a
 * dynamic dependency (G reads E only when C is 0). It mostly measures {@code fib(16)}; its value
 * is in catching over-computation, such as evaluating E eagerly or re-running effect J.
 */
final class MolBench implements KairoCase {
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> a = Signal.of(0);
  private final Signal<Integer> b = Signal.of(0);
  private final List<Integer> results = new ArrayList<>();
  private int i = 1;

  MolBench(WorkCounter w) {
    Computed<Integer> c = Computed.of(() -> {
      w.computed();
      return a.get() % 2 + b.get() % 2;
    });
    Computed<int[]> d = Computed.of(() -> {
      w.computed();
      int[] xs = new int[5];
      for (int k = 0; k < 5; k++) {
        xs[k] = k + a.get() % 2 - b.get() % 2;
      }
      return xs;
    });
    Computed<Integer> e = Computed.of(() -> {
      w.computed();
      return hard(c.get() + a.get() + d.get()[0]);
    });
    Computed<Integer> f = Computed.of(() -> {
      w.computed();
      int x = d.get()[2];
      return hard(x != 0 ? x : b.get());
    });
    Computed<Integer> g = Computed.of(() -> {
      w.computed();
      int first = c.get();
      int second = c.get();
      return first + (second != 0 ? second : e.get() % 2) + d.get()[4] + f.get();
    });
    scope.effect(() -> {
      w.effect();
      results.add(hard(g.get()));
    });
    scope.effect(() -> {
      w.effect();
      results.add(g.get());
    });
    scope.effect(() -> {
      w.effect();
      results.add(hard(f.get()));
    });
  }

  @Override
  public void op() {
    results.clear();
    Statewire.batch(() -> {
      b.set(1);
      a.set(1 + i * 2);
    });
    Statewire.batch(() -> {
      a.set(2 + i * 2);
      b.set(2);
    });
    i++;
    checkEquals(4, results.size(), "molBench: effect results");
    int sum = 0;
    for (int result : results) {
      sum += result;
    }
    checkEquals(9616, sum, "molBench: sum of effect results");
  }

  @Override
  public void close() {
    scope.close();
  }
}
