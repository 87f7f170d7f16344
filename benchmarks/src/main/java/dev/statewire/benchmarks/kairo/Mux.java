package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

import dev.statewire.Computed;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * mux: 100 signals gathered into one computed that returns a fresh array on every evaluation
 * (an array compares by identity, so it always counts as changed), split again into 100
 * computeds, each with a +1 computed and an effect.
 */
final class Mux implements KairoCase {
  private static final int WIDTH = 100;

  private final GraphScope scope = new GraphScope();
  private final List<Signal<Integer>> heads = new ArrayList<>();
  private final List<Computed<Integer>> plusOne = new ArrayList<>();

  Mux(WorkCounter w) {
    for (int k = 0; k < WIDTH; k++) {
      heads.add(Signal.of(0));
    }
    Computed<int[]> mux = Computed.of(() -> {
      w.computed();
      int[] values = new int[WIDTH];
      for (int k = 0; k < WIDTH; k++) {
        values[k] = heads.get(k).get();
      }
      return values;
    });
    for (int k = 0; k < WIDTH; k++) {
      int index = k;
      Computed<Integer> split = Computed.of(() -> {
        w.computed();
        return mux.get()[index];
      });
      plusOne.add(Computed.of(() -> {
        w.computed();
        return split.get() + 1;
      }));
    }
    for (Computed<Integer> q : plusOne) {
      scope.effect(() -> {
        w.effect();
        q.get();
      });
    }
  }

  @Override
  public void op() {
    for (int i = 0; i < 10; i++) {
      heads.get(i).set(i);
      checkEquals(i + 1, plusOne.get(i).get(), "mux: q_i");
    }
    for (int i = 0; i < 10; i++) {
      heads.get(i).set(i * 2);
      checkEquals(i * 2 + 1, plusOne.get(i).get(), "mux: q_i");
    }
  }

  @Override
  public void close() {
    scope.close();
  }
}
