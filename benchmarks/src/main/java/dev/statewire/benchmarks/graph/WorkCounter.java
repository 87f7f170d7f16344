package dev.statewire.benchmarks.graph;

/**
 * Called from inside the user functions of a topology: once at the start of every computed
 * evaluation and once at the start of every effect run. Tests pass a counting implementation to
 * check the per-op work of BENCHMARK-SPEC §3.2; benchmarks pass {@link #NONE}, the only
 * implementation loaded in a benchmark JVM, whose empty calls the JIT inlines away.
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
}
