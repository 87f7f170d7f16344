package dev.statewire.benchmarks.baseline;

/**
 * A hand-written cellx program without a reactive runtime (TOPOLOGIES.md, "Hand-written baselines"), the practical
 * limit Statewire is measured against. Each implementation holds the same 4L nodes with one
 * effect each, and {@link #update()} performs the same op as {@code CellxGraph.update()}.
 */
public interface CellxBaseline {

  /**
   * Writes the other start values, recomputes the layers and runs the effects of the nodes that
   * changed, checking the end values before and after against TOPOLOGIES.md, "cellx".
   */
  void update();

  /** What the effects accumulated so far: consumed by the benchmark so no work is dead. */
  long sink();
}
