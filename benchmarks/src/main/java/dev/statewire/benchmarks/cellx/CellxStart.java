package dev.statewire.benchmarks.cellx;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

/** The two values the cellx op writes into the four start signals, alternately. */
public enum CellxStart {
  /** (1, 2, 3, 4): the values the graph is built with. */
  FORWARD(1, 2, 3, 4),
  /** (4, 3, 2, 1): the values upstream's timed update writes. */
  REVERSED(4, 3, 2, 1);

  // End values by L mod 12 (1000 and 2500 are 4 mod 12, 5000 is 8 mod 12).
  private static final int[] ENDS_PERIOD_4_FORWARD = {-3, -6, -2, 2};
  private static final int[] ENDS_PERIOD_4_REVERSED = {-2, -4, 2, 3};
  private static final int[] ENDS_PERIOD_8_FORWARD = {2, 4, -1, -6};
  private static final int[] ENDS_PERIOD_8_REVERSED = {-2, 1, -4, -4};

  private final int p1;
  private final int p2;
  private final int p3;
  private final int p4;

  CellxStart(int p1, int p2, int p3, int p4) {
    this.p1 = p1;
    this.p2 = p2;
    this.p3 = p3;
    this.p4 = p4;
  }

  /** The value of start signal p1. */
  public int p1() {
    return p1;
  }

  /** The value of start signal p2. */
  public int p2() {
    return p2;
  }

  /** The value of start signal p3. */
  public int p3() {
    return p3;
  }

  /** The value of start signal p4. */
  public int p4() {
    return p4;
  }

  /** The values the next update writes. */
  public CellxStart other() {
    return this == FORWARD ? REVERSED : FORWARD;
  }

  /**
   * The four end values after {@code layers} layers, from the table of TOPOLOGIES.md, "cellx" (the
   * recurrence has period 12, so 1000 and 2500 agree).
   */
  public int[] expectedEnds(int layers) {
    return table(layers).clone();
  }

  /** Throws a {@code TopologyCheckException} unless the end values are those of the cellx table of TOPOLOGIES.md. */
  public void checkEnds(int layers, int end1, int end2, int end3, int end4) {
    int[] expected = table(layers);
    checkEquals(expected[0], end1, "cellx end p1");
    checkEquals(expected[1], end2, "cellx end p2");
    checkEquals(expected[2], end3, "cellx end p3");
    checkEquals(expected[3], end4, "cellx end p4");
  }

  private int[] table(int layers) {
    switch (layers) {
      case 1000:
      case 2500:
        return this == FORWARD ? ENDS_PERIOD_4_FORWARD : ENDS_PERIOD_4_REVERSED;
      case 5000:
        return this == FORWARD ? ENDS_PERIOD_8_FORWARD : ENDS_PERIOD_8_REVERSED;
      default:
        throw new IllegalArgumentException(
            "no expected cellx values for " + layers + " layers; use 1000, 2500 or 5000");
    }
  }
}
