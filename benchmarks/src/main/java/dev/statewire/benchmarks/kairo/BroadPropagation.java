package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

import dev.statewire.Computed;
import dev.statewire.ReadableSignal;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;

/** broadPropagation: one signal fanning out to 50 two-computed branches, each with an effect. */
final class BroadPropagation implements KairoCase {
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> head = Signal.of(0);
  private final ReadableSignal<Integer> last;
  private int effectRuns;

  BroadPropagation(WorkCounter w) {
    ReadableSignal<Integer> current = head;
    for (int i = 0; i < 50; i++) {
      int offset = i;
      Computed<Integer> a = Computed.of(() -> {
        w.computed();
        return head.get() + offset;
      });
      Computed<Integer> b = Computed.of(() -> {
        w.computed();
        return a.get() + 1;
      });
      scope.effect(() -> {
        w.effect();
        b.get();
        effectRuns++;
      });
      current = b;
    }
    last = current;
  }

  @Override
  public void op() {
    head.set(1);
    effectRuns = 0;
    for (int i = 0; i < 50; i++) {
      head.set(i);
      checkEquals(i + 50, last.get(), "broadPropagation: last");
    }
    checkEquals(2500, effectRuns, "broadPropagation: effect runs");
  }

  @Override
  public void close() {
    scope.close();
  }
}
