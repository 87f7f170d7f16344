package dev.statewire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A vertex of a context's dependency graph: a signal, a computed value or an effect.
 *
 * <p>All fields are written only by the thread that holds the context's lock. Threads without
 * the lock read them only inside a sequence-lock window that is validated afterwards.
 */
abstract class Node {
  /** A direct dependency changed: must re-run. Meaningful only while watched. */
  static final int DIRTY = 1;
  /** A transitive dependency changed: must check its dependencies. Meaningful while watched. */
  static final int PENDING = 1 << 1;
  /** Linked into its dependencies' subscriber lists (has an effect downstream). */
  static final int WATCHED = 1 << 2;
  /** Being evaluated now; reading it again means a cycle. */
  static final int RUNNING = 1 << 3;
  /** A computed whose cached result is an exception. */
  static final int ERROR = 1 << 4;
  /** An effect waiting in its context's queue, or in its executor's {@link EffectDispatch}. */
  static final int QUEUED = 1 << 5;
  /** A disposed effect. */
  static final int CLOSED = 1 << 6;
  /** A computed that has a cached result. */
  static final int INITIALIZED = 1 << 7;
  /**
   * A signal written in the current lock session and not read by a tracking run since: its
   * value and version before that write are in the context's {@link WriteJournal}, at the index
   * stored in the flags' bits from {@link #JOURNAL_INDEX_SHIFT} up.
   */
  static final int JOURNALED = 1 << 8;
  /** An effect whose body is an {@link EffectBody} (it takes a {@link Cleanup}). */
  static final int TAKES_CLEANUP = 1 << 9;
  /** An effect whose runs go to its executor's {@link EffectDispatch}, not into the commit. */
  static final int ON_EXECUTOR = 1 << 10;
  static final int JOURNAL_INDEX_SHIFT = 16;
  static final int JOURNAL_INDEX_MASK = -1 << JOURNAL_INDEX_SHIFT;

  final ReactiveContext ctx;
  int flags;
  /** Incremented each time the node's value changes. */
  int version;
  /** The tracking run that last recorded this node as a dependency (de-duplicates reads). */
  int trackStamp;
  /**
   * Subscribers that watch this node (effects, and computeds with an effect downstream); the
   * first edge's {@code prevSub} is the last (see {@link WatchedLink}).
   */
  WatchedLink subs;
  String name;

  Node(ReactiveContext ctx) {
    this.ctx = ctx;
  }

  /** "Signal", "Computed" or "Effect", for messages. */
  abstract String kind();

  /** How messages name this node: its name if it has one, otherwise kind and identity. */
  final String describe() {
    return name != null
        ? kind() + " '" + name + "'"
        : kind() + "@" + Integer.toHexString(System.identityHashCode(this));
  }

  /** {@return what this node read in its last run: nothing, for a signal} */
  public List<GraphNode> dependencies() {
    return List.of();
  }

  /**
   * {@return the nodes that watch this one (see {@link GraphNode#subscribers()}), a snapshot
   * taken under the context's lock}
   */
  public final List<GraphNode> subscribers() {
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      List<GraphNode> nodes = new ArrayList<>();
      for (WatchedLink link = subs; link != null; link = link.nextSub) {
        addIfGraphNode(nodes, link.sub);
      }
      return Collections.unmodifiableList(nodes);
    } finally {
      c.exit();
    }
  }

  /** Adds {@code node} to {@code nodes} unless it is a runtime-internal node (tests have some). */
  static void addIfGraphNode(List<GraphNode> nodes, Node node) {
    if (node instanceof GraphNode) {
      nodes.add((GraphNode) node);
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
