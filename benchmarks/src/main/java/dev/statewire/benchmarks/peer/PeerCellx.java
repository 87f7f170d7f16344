package dev.statewire.benchmarks.peer;

import dev.statewire.benchmarks.cellx.CellxStart;
import dev.statewire.benchmarks.graph.WorkCounter;

/**
 * The cellx topology (TOPOLOGIES.md, "cellx") on a JVM peer: the same graph, op and checks as
 * {@code CellxGraph}, built through {@link PeerGraph}.
 */
public final class PeerCellx implements AutoCloseable {
  private final int layers;
  private final PeerGraph graph;
  private final PeerSignal<Integer> start1;
  private final PeerSignal<Integer> start2;
  private final PeerSignal<Integer> start3;
  private final PeerSignal<Integer> start4;
  private final PeerValue<Integer> end1;
  private final PeerValue<Integer> end2;
  private final PeerValue<Integer> end3;
  private final PeerValue<Integer> end4;
  private CellxStart current = CellxStart.FORWARD;

  /** Builds the graph in {@code peer}'s library; its 4L effects run once now. */
  public PeerCellx(Peer peer, int layers, WorkCounter w) {
    this.layers = layers;
    graph = new PeerGraph(peer, w);
    start1 = graph.signal(1);
    start2 = graph.signal(2);
    start3 = graph.signal(3);
    start4 = graph.signal(4);
    PeerValue<Integer> m1 = start1;
    PeerValue<Integer> m2 = start2;
    PeerValue<Integer> m3 = start3;
    PeerValue<Integer> m4 = start4;
    for (int i = 0; i < layers; i++) {
      PeerValue<Integer> a1 = m1;
      PeerValue<Integer> a2 = m2;
      PeerValue<Integer> a3 = m3;
      PeerValue<Integer> a4 = m4;
      PeerValue<Integer> s1 = graph.computed(a2::get, a2);
      PeerValue<Integer> s2 = graph.computed(() -> a1.get() - a3.get(), a1, a3);
      PeerValue<Integer> s3 = graph.computed(() -> a2.get() + a4.get(), a2, a4);
      PeerValue<Integer> s4 = graph.computed(a3::get, a3);
      graph.effect(s1, s1::get);
      graph.effect(s2, s2::get);
      graph.effect(s3, s3::get);
      graph.effect(s4, s4::get);
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

  /** The timed op of {@code CellxGraph.update()}: read and check the ends, write, read and check. */
  public void update() {
    CellxStart next = current.other();
    checkEnds(current);
    graph.batch(() -> {
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

  /** Disposes the graph. */
  @Override
  public void close() {
    graph.close();
  }
}
