package dev.statewire.benchmarks.kairo;

/**
 * One case of the kairo suite (TOPOLOGIES.md, "kairo suite", "molBench"): a graph built once in the constructor;
 * {@link #op()} is one call of the closure upstream's case builder returns. Every op checks the
 * values upstream asserts and throws a {@code TopologyCheckException} when one is wrong.
 */
public interface KairoCase extends AutoCloseable {

  /** One op: the writes of the case, each followed by the reads and checks the spec lists. */
  void op();

  /** Disposes the graph (closes its effects). */
  @Override
  void close();
}
