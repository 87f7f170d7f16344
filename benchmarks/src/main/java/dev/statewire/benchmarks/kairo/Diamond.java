package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

import dev.statewire.Computed;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;
import java.util.ArrayList;
import java.util.List;

/** diamond: one signal, five computeds reading it, and one computed summing the five. */
final class Diamond implements KairoCase {
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> head = Signal.of(0);
  private final Computed<Integer> sum;
  private int effectRuns;

  Diamond(WorkCounter w) {
    List<Computed<Integer>> middle = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      middle.add(Computed.of(() -> {
        w.computed();
        return head.get() + 1;
      }));
    }
    sum = Computed.of(() -> {
      w.computed();
      int s = 0;
      for (Computed<Integer> m : middle) {
        s += m.get();
      }
      return s;
    });
    scope.effect(() -> {
      w.effect();
      sum.get();
      effectRuns++;
    });
  }

  @Override
  public void op() {
    head.set(1);
    checkEquals(10, sum.get(), "diamond: sum");
    effectRuns = 0;
    for (int i = 0; i < 500; i++) {
      head.set(i);
      checkEquals(5 * (i + 1), sum.get(), "diamond: sum");
    }
    checkEquals(500, effectRuns, "diamond: effect runs");
  }

  @Override
  public void close() {
    scope.close();
  }
}
