package dev.statewire.benchmarks.graph;

/** Counts computed evaluations and effect runs, to check the per-op work of a topology. */
public final class CountingWorkCounter implements WorkCounter {
  private long computeds;
  private long effects;

  @Override
  public void computed() {
    computeds++;
  }

  @Override
  public void effect() {
    effects++;
  }

  /** Computed evaluations since the last reset. */
  public long computeds() {
    return computeds;
  }

  /** Effect runs since the last reset. */
  public long effects() {
    return effects;
  }

  /** Starts counting from zero. */
  public void reset() {
    computeds = 0;
    effects = 0;
  }
}
