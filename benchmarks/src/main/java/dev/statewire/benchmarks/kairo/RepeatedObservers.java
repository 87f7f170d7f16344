package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

import dev.statewire.Computed;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;

/** repeatedObservers: one computed reading the same signal 30 times. */
final class RepeatedObservers implements KairoCase {
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> head = Signal.of(0);
  private final Computed<Integer> sum;
  private int effectRuns;

  RepeatedObservers(WorkCounter w) {
    sum = Computed.of(() -> {
      w.computed();
      int s = 0;
      for (int i = 0; i < 30; i++) {
        s += head.get();
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
    checkEquals(30, sum.get(), "repeatedObservers: c");
    effectRuns = 0;
    for (int i = 0; i < 100; i++) {
      head.set(i);
      checkEquals(i * 30, sum.get(), "repeatedObservers: c");
    }
    checkEquals(100, effectRuns, "repeatedObservers: effect runs");
  }

  @Override
  public void close() {
    scope.close();
  }
}
