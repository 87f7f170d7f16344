package dev.statewire.benchmarks.peer;

import java.util.function.Supplier;

/**
 * The libraries the peer ports run on, with the semantic trade-offs BENCHMARKS.md's "JVM peers"
 * table states beside their figures. Statewire runs here through the same adapter as the peers,
 * for the work counts and the adapter's cost; its headline figures come from the direct ports.
 */
public enum Peer {
  STATEWIRE("statewire", StatewireApi::new,
      "thread-safe: reads and writes from any thread, one lock per context",
      "glitch-free: effects run once, after the outermost batch",
      "at every node: a computed whose value is equal stops propagation"),
  AREZ("arez", ArezApi::new,
      "single-threaded: one global context, no synchronisation",
      "glitch-free: observers run once, when the outermost transaction ends",
      "at the observers only: an observer whose computables came out equal does not re-run, "
          + "but a computable behind one that recomputed to an equal value still recomputes"),
  JAVAFX("javafx", JavaFxApi::new,
      "single-threaded: not safe for concurrent use (meant for the FX thread)",
      "glitch-free only with the deferred flush used here; listeners on every node glitch",
      "none between bindings (every invalidated binding recomputes when read); "
          + "the effects compare their node's value, as a ChangeListener does");

  private final String id;
  private final Supplier<ReactiveApi> factory;
  private final String threadSafety;
  private final String glitches;
  private final String cutOff;

  Peer(String id, Supplier<ReactiveApi> factory, String threadSafety, String glitches,
      String cutOff) {
    this.id = id;
    this.factory = factory;
    this.threadSafety = threadSafety;
    this.glitches = glitches;
    this.cutOff = cutOff;
  }

  /** The name in JMH's {@code peer} parameter and in the reports, e.g. {@code "arez"}. */
  public String id() {
    return id;
  }

  /** A new, empty graph in this library. */
  public ReactiveApi newGraph() {
    return factory.get();
  }

  /** Who may read and write the graph, from which threads. */
  public String threadSafety() {
    return threadSafety;
  }

  /** Whether an effect can observe a state that is not a batch's settled state. */
  public String glitches() {
    return glitches;
  }

  /** Where an unchanged value stops propagation. */
  public String cutOff() {
    return cutOff;
  }

  /** The peer with the given {@link #id()}. */
  public static Peer named(String id) {
    for (Peer peer : values()) {
      if (peer.id.equals(id)) {
        return peer;
      }
    }
    throw new IllegalArgumentException(
        "no JVM peer named '" + id + "'; use statewire, arez or javafx");
  }
}
