package dev.statewire.benchmarks.cellx;

import dev.statewire.Computed;
import dev.statewire.ReadableSignal;
import dev.statewire.Signal;
import dev.statewire.Statewire;
import dev.statewire.benchmarks.graph.GraphScope;
import dev.statewire.benchmarks.graph.WorkCounter;

/**
 * The cellx topology (TOPOLOGIES.md, "cellx"): four start signals, then {@code layers} layers of
 * four computeds, each layer reading the previous one, and one effect per computed. Every node
 * changes value on every update, so an update costs 4L evaluations and 4L effect runs.
 */
public final class CellxGraph implements AutoCloseable {
  private final int layers;
  private final GraphScope scope = new GraphScope();
  private final Signal<Integer> start1 = Signal.of(1);
  private final Signal<Integer> start2 = Signal.of(2);
  private final Signal<Integer> start3 = Signal.of(3);
  private final Signal<Integer> start4 = Signal.of(4);
  private final ReadableSignal<Integer> end1;
  private final ReadableSignal<Integer> end2;
  private final ReadableSignal<Integer> end3;
  private final ReadableSignal<Integer> end4;
  private CellxStart current = CellxStart.FORWARD;

  /** Builds the graph in the current context; its 4L effects run once now. */
  public CellxGraph(int layers, WorkCounter w) {
    this.layers = layers;
    ReadableSignal<Integer> m1 = start1;
    ReadableSignal<Integer> m2 = start2;
    ReadableSignal<Integer> m3 = start3;
    ReadableSignal<Integer> m4 = start4;
    for (int i = 0; i < layers; i++) {
      ReadableSignal<Integer> a1 = m1;
      ReadableSignal<Integer> a2 = m2;
      ReadableSignal<Integer> a3 = m3;
      ReadableSignal<Integer> a4 = m4;
      Computed<Integer> s1 = Computed.of(() -> {
        w.computed();
        return a2.get();
      });
      Computed<Integer> s2 = Computed.of(() -> {
        w.computed();
        return a1.get() - a3.get();
      });
      Computed<Integer> s3 = Computed.of(() -> {
        w.computed();
        return a2.get() + a4.get();
      });
      Computed<Integer> s4 = Computed.of(() -> {
        w.computed();
        return a3.get();
      });
      scope.effect(() -> {
        w.effect();
        s1.get();
      });
      scope.effect(() -> {
        w.effect();
        s2.get();
      });
      scope.effect(() -> {
        w.effect();
        s3.get();
      });
      scope.effect(() -> {
        w.effect();
        s4.get();
      });
      m1 = s1;
      m2 = s2;
      m3 = s3;
      m4 = s4;
    }
    end1 = m1;
    end2 = m2;
    end3 = m3;
    end4 = m4;
  }

  /**
   * The timed op: reads the four end values, writes the other start values into the four start
   * signals in one batch, and reads the end values again; both reads are checked against the cellx table of TOPOLOGIES.md.
   */
  public void update() {
    CellxStart next = current.other();
    checkEnds(current);
    Statewire.batch(() -> {
      start1.set(next.p1());
      start2.set(next.p2());
      start3.set(next.p3());
      start4.set(next.p4());
    });
    current = next;
    checkEnds(next);
  }

  /** The start values the graph holds now. */
  public CellxStart current() {
    return current;
  }

  /** The four end values, read now. */
  public int[] ends() {
    return new int[] {end1.get(), end2.get(), end3.get(), end4.get()};
  }

  private void checkEnds(CellxStart start) {
    start.checkEnds(layers, end1.get(), end2.get(), end3.get(), end4.get());
  }

  /** Closes the graph's effects. */
  @Override
  public void close() {
    scope.close();
  }
}
