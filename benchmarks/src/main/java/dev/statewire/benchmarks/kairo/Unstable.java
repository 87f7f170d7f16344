package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

import dev.statewire.Computed;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;

/**
 * unstable: a computed whose dependency set flips on every write, between {head, double} and
 * {head, inverse}; it exercises unlinking and relinking.
 */
final class Unstable implements KairoCase {
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> head = Signal.of(0);
  private final Computed<Integer> current;
  private int effectRuns;

  Unstable(WorkCounter w) {
    Computed<Integer> twice = Computed.of(() -> {
      w.computed();
      return head.get() * 2;
    });
    Computed<Integer> inverse = Computed.of(() -> {
      w.computed();
      return -head.get();
    });
    current = Computed.of(() -> {
      w.computed();
      int result = 0;
      for (int i = 0; i < 20; i++) {
        result += head.get() % 2 != 0 ? twice.get() : inverse.get();
      }
      return result;
    });
    scope.effect(() -> {
      w.effect();
      current.get();
      effectRuns++;
    });
  }

  @Override
  public void op() {
    head.set(1);
    checkEquals(40, current.get(), "unstable: c");
    effectRuns = 0;
    for (int i = 0; i < 100; i++) {
      head.set(i);
      checkEquals(i % 2 != 0 ? i * 40 : i * -20, current.get(), "unstable: c");
    }
    checkEquals(100, effectRuns, "unstable: effect runs");
  }

  @Override
  public void close() {
    scope.close();
  }
}
