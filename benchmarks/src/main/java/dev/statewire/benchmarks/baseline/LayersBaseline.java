package dev.statewire.benchmarks.baseline;

import dev.statewire.benchmarks.cellx.CellxStart;
import java.util.function.IntConsumer;

/**
 * The plain hand-written program: one object per layer with four int fields and four effect
 * objects. An update walks the layers in topological order, recomputes a node only if one of its
 * inputs changed, and calls the node's effect only if its value changed.
 */
public final class LayersBaseline implements CellxBaseline {
  private final int layerCount;
  private final Layer[] layers;
  private CellxStart current = CellxStart.FORWARD;
  private long sink;

  /** A layer's four values and the effect of each. */
  private static final class Layer {
    int p1;
    int p2;
    int p3;
    int p4;
    final IntConsumer effect1;
    final IntConsumer effect2;
    final IntConsumer effect3;
    final IntConsumer effect4;

    Layer(IntConsumer effect1, IntConsumer effect2, IntConsumer effect3, IntConsumer effect4) {
      this.effect1 = effect1;
      this.effect2 = effect2;
      this.effect3 = effect3;
      this.effect4 = effect4;
    }
  }

  /** Builds the layers on the start values (1, 2, 3, 4) and runs every effect once. */
  public LayersBaseline(int layerCount) {
    this.layerCount = layerCount;
    this.layers = new Layer[layerCount + 1];
    layers[0] = new Layer(this::consume, this::consume, this::consume, this::consume);
    setStart(CellxStart.FORWARD);
    for (int i = 1; i <= layerCount; i++) {
      Layer layer = new Layer(this::consume, this::consume, this::consume, this::consume);
      Layer m = layers[i - 1];
      layer.p1 = m.p2;
      layer.p2 = m.p1 - m.p3;
      layer.p3 = m.p2 + m.p4;
      layer.p4 = m.p3;
      layer.effect1.accept(layer.p1);
      layer.effect2.accept(layer.p2);
      layer.effect3.accept(layer.p3);
      layer.effect4.accept(layer.p4);
      layers[i] = layer;
    }
  }

  private void consume(int value) {
    sink += value;
  }

  private void setStart(CellxStart start) {
    Layer first = layers[0];
    first.p1 = start.p1();
    first.p2 = start.p2();
    first.p3 = start.p3();
    first.p4 = start.p4();
  }

  @Override
  public void update() {
    Layer end = layers[layerCount];
    current.checkEnds(layerCount, end.p1, end.p2, end.p3, end.p4);
    CellxStart next = current.other();
    Layer start = layers[0];
    boolean changed1 = start.p1 != next.p1();
    boolean changed2 = start.p2 != next.p2();
    boolean changed3 = start.p3 != next.p3();
    boolean changed4 = start.p4 != next.p4();
    setStart(next);
    for (int i = 1; i <= layerCount; i++) {
      Layer m = layers[i - 1];
      Layer s = layers[i];
      boolean new1 = false;
      boolean new2 = false;
      boolean new3 = false;
      boolean new4 = false;
      if (changed2) {
        int v = m.p2;
        if (v != s.p1) {
          s.p1 = v;
          s.effect1.accept(v);
          new1 = true;
        }
      }
      if (changed1 || changed3) {
        int v = m.p1 - m.p3;
        if (v != s.p2) {
          s.p2 = v;
          s.effect2.accept(v);
          new2 = true;
        }
      }
      if (changed2 || changed4) {
        int v = m.p2 + m.p4;
        if (v != s.p3) {
          s.p3 = v;
          s.effect3.accept(v);
          new3 = true;
        }
      }
      if (changed3) {
        int v = m.p3;
        if (v != s.p4) {
          s.p4 = v;
          s.effect4.accept(v);
          new4 = true;
        }
      }
      changed1 = new1;
      changed2 = new2;
      changed3 = new3;
      changed4 = new4;
    }
    current = next;
    current.checkEnds(layerCount, end.p1, end.p2, end.p3, end.p4);
  }

  @Override
  public long sink() {
    return sink;
  }
}
