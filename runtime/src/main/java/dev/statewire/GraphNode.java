package dev.statewire;

import java.util.List;

/**
 * A node of a context's dependency graph, for debugging: a {@link Signal}, a {@link Computed} or
 * an {@link Effect}. {@code toString()} gives its kind, name and value, e.g. {@code Signal
 * 'TaskState.counter' = 3}, without computing anything and without locking. {@link
 * #dependencies()} and {@link #subscribers()} take the context's lock for their snapshot, so
 * inside a batch, effect or lock block of another context they throw {@link
 * ContextMismatchException}, like any use of the node there.
 */
public sealed interface GraphNode permits SourceSignal, Computed, Effect {
  /** {@return the name given with {@code named(...)}, or null} */
  String name();

  /**
   * {@return what this node read in its last run, in reading order (empty for a signal, and for a
   * computed that never ran)} A snapshot taken under the context's lock.
   */
  List<GraphNode> dependencies();

  /**
   * {@return the nodes that watch this one, in the order they subscribed: effects, and computed
   * values an effect depends on} A computed that no effect depends on is not listed: it polls
   * its dependencies instead of subscribing (so that it stays collectable). A snapshot taken
   * under the context's lock.
   */
  List<GraphNode> subscribers();
}
