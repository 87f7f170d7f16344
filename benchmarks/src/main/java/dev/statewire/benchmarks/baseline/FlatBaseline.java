package dev.statewire.benchmarks.baseline;

import dev.statewire.benchmarks.cellx.CellxStart;

/**
 * The absolute floor: all 4L values in one {@code int[]} (layer i at 4i..4i+3, the start values
 * first), every node recomputed in order, the effects inlined into a running sum.
 */
public final class FlatBaseline implements CellxBaseline {
  private final int layerCount;
  private final int[] values;
  private CellxStart current = CellxStart.FORWARD;
  private long sink;

  /** Builds the values on the start values (1, 2, 3, 4) and runs every effect once. */
  public FlatBaseline(int layerCount) {
    this.layerCount = layerCount;
    this.values = new int[4 * (layerCount + 1)];
    setStart(CellxStart.FORWARD);
    recompute();
  }

  private void setStart(CellxStart start) {
    values[0] = start.p1();
    values[1] = start.p2();
    values[2] = start.p3();
    values[3] = start.p4();
  }

  private void recompute() {
    int[] v = values;
    long sum = sink;
    for (int i = 4; i < v.length; i += 4) {
      int p1 = v[i - 3];
      int p2 = v[i - 4] - v[i - 2];
      int p3 = v[i - 3] + v[i - 1];
      int p4 = v[i - 2];
      v[i] = p1;
      v[i + 1] = p2;
      v[i + 2] = p3;
      v[i + 3] = p4;
      sum += p1 + p2 + p3 + p4;
    }
    sink = sum;
  }

  @Override
  public void update() {
    int end = 4 * layerCount;
    current.checkEnds(layerCount, values[end], values[end + 1], values[end + 2], values[end + 3]);
    CellxStart next = current.other();
    setStart(next);
    recompute();
    current = next;
    current.checkEnds(layerCount, values[end], values[end + 1], values[end + 2], values[end + 3]);
  }

  @Override
  public long sink() {
    return sink;
  }
}
