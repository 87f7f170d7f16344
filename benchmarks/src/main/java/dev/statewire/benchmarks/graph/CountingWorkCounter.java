package dev.statewire.benchmarks.graph;

/**
 * Counts computed evaluations, effect runs and glitched effect runs, to check the per-op work of
 * a topology.
 */
public final class CountingWorkCounter implements WorkCounter {
  private long computeds;
  private long effects;
  private long glitchedEffects;

  @Override
  public void computed() {
    computeds++;
  }

  @Override
  public void effect() {
    effects++;
  }

  @Override
  public void glitchedEffectRun() {
    glitchedEffects++;
  }

  /** Computed evaluations since the last reset. */
  public long computeds() {
    return computeds;
  }

  /** Effect runs since the last reset. */
  public long effects() {
    return effects;
  }

  /** Glitched effect runs since the last reset (see {@link WorkCounter#glitchedEffectRun()}). */
  public long glitchedEffects() {
    return glitchedEffects;
  }

  /** Starts counting from zero. */
  public void reset() {
    computeds = 0;
    effects = 0;
    glitchedEffects = 0;
  }
}
