package dev.statewire.benchmarks.kairo;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

import dev.statewire.Computed;
import dev.statewire.ReadableSignal;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * triangle: a chain of 10 computeds and one computed summing the signal and the first 9 of
 * them; the 10th is created but never read.
 */
final class Triangle implements KairoCase {
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> head = Signal.of(0);
  private final Computed<Integer> sum;
  private int effectRuns;

  Triangle(WorkCounter w) {
    List<ReadableSignal<Integer>> list = new ArrayList<>();
    ReadableSignal<Integer> current = head;
    for (int k = 0; k < 10; k++) {
      ReadableSignal<Integer> previous = current;
      list.add(previous);
      current = Computed.of(() -> {
        w.computed();
        return previous.get() + 1;
      });
    }
    sum = Computed.of(() -> {
      w.computed();
      int s = 0;
      for (ReadableSignal<Integer> n : list) {
        s += n.get();
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
    checkEquals(55, sum.get(), "triangle: sum");
    effectRuns = 0;
    for (int i = 0; i < 100; i++) {
      head.set(i);
      checkEquals(45 + i * 10, sum.get(), "triangle: sum");
    }
    checkEquals(100, effectRuns, "triangle: effect runs");
  }

  @Override
  public void close() {
    scope.close();
  }
}
