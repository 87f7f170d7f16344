package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;
import static dev.statewire.benchmarks.kairo.UserWork.busy;

import dev.statewire.Computed;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;

/**
 * avoidablePropagation: a chain whose second computed always returns 0, so every write stops
 * there; the busy computed behind it and the effect must never re-run.
 */
final class AvoidablePropagation implements KairoCase {
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> head = Signal.of(0);
  private final Computed<Integer> c5;
  private int effectRuns;

  AvoidablePropagation(WorkCounter w) {
    Computed<Integer> c1 = Computed.of(() -> {
      w.computed();
      return head.get();
    });
    Computed<Integer> c2 = Computed.of(() -> {
      w.computed();
      c1.get();
      return 0;
    });
    Computed<Integer> c3 = Computed.of(() -> {
      w.computed();
      busy();
      return c2.get() + 1;
    });
    Computed<Integer> c4 = Computed.of(() -> {
      w.computed();
      return c3.get() + 2;
    });
    c5 = Computed.of(() -> {
      w.computed();
      return c4.get() + 3;
    });
    scope.effect(() -> {
      w.effect();
      c5.get();
      busy();
      effectRuns++;
    });
  }

  @Override
  public void op() {
    effectRuns = 0;
    head.set(1);
    checkEquals(6, c5.get(), "avoidablePropagation: c5");
    for (int i = 0; i < 1000; i++) {
      head.set(i);
      checkEquals(6, c5.get(), "avoidablePropagation: c5");
    }
    checkEquals(0, effectRuns, "avoidablePropagation: effect runs");
  }

  @Override
  public void close() {
    scope.close();
  }
}
