package dev.statewire.benchmarks.graph;

/**
 * Called from inside the user functions of a topology: once at the start of every computed
 * evaluation and once at the start of every effect run. Tests pass a counting implementation to
 * check the per-op work of TOPOLOGIES.md, "kairo suite" (and {@code PeerCounts} to report it); benchmarks
 * pass {@link #NONE}, the only implementation loaded in a benchmark JVM, whose empty calls the
 * JIT inlines away.
 */
public interface WorkCounter {

  /** Does nothing: the counter of every timed run. */
  WorkCounter NONE = new WorkCounter() {
    @Override
    public void computed() {}

    @Override
    public void effect() {}
  };

  /** A computed evaluation started. */
  void computed();

  /** An effect run started. */
  void effect();

  /**
   * An effect run that observed a state which was not its batch's settled state: it started
   * while the batch's writes were still being applied, or it is the effect's second (or later)
   * run in one batch. Only the JVM peer ports report these (their {@code PeerGraph} sees the
   * batch boundaries); a glitch-free runtime never calls it.
   */
  default void glitchedEffectRun() {}
}
