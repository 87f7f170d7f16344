package dev.statewire.benchmarks.peer;

import java.util.function.Supplier;

/**
 * The adapter through which the peer ports build one graph in a reactive library, in the way
 * milomg/js-reactivity-benchmark adapts each JS framework: signals, computeds, effects and
 * batches with the semantics of TOPOLOGIES.md, "Semantics shared by all suites". One instance holds one graph; {@link #close()}
 * disposes all of it. Every node's reads are also passed at creation, for libraries whose
 * dependencies are declared rather than tracked (JavaFX bindings); the others ignore them.
 */
public interface ReactiveApi extends AutoCloseable {

  /** A source node holding {@code initial}. */
  <T> PeerSignal<T> signal(T initial);

  /**
   * A lazy, memoised computed. {@code reads} are all the nodes {@code fn} may read (a superset
   * when its reads are dynamic).
   */
  <T> PeerValue<T> computed(Supplier<T> fn, PeerValue<?>... reads);

  /**
   * An effect: {@code body} runs once now and again after each batch that changed the value of
   * {@code reads}, the one node it reads.
   */
  void effect(PeerValue<?> reads, Runnable body);

  /** Runs {@code writes}; the effects they trigger have run when this returns. */
  void batch(Runnable writes);

  /** Disposes every node and effect of the graph. */
  @Override
  void close();
}
