package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

import dev.statewire.Computed;
import dev.statewire.ReadableSignal;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;

/** deepPropagation: a chain of 50 computeds, each its predecessor plus one, under one effect. */
final class DeepPropagation implements KairoCase {
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> head = Signal.of(0);
  private final ReadableSignal<Integer> tail;
  private int effectRuns;

  DeepPropagation(WorkCounter w) {
    ReadableSignal<Integer> current = head;
    for (int k = 0; k < 50; k++) {
      ReadableSignal<Integer> previous = current;
      current = Computed.of(() -> {
        w.computed();
        return previous.get() + 1;
      });
    }
    tail = current;
    scope.effect(() -> {
      w.effect();
      tail.get();
      effectRuns++;
    });
  }

  @Override
  public void op() {
    head.set(1);
    effectRuns = 0;
    for (int i = 0; i < 50; i++) {
      head.set(i);
      checkEquals(50 + i, tail.get(), "deepPropagation: n50");
    }
    checkEquals(50, effectRuns, "deepPropagation: effect runs");
  }

  @Override
  public void close() {
    scope.close();
  }
}
