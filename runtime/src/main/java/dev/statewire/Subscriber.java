package dev.statewire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A node that reads others while it runs: a computed value or an effect. */
abstract class Subscriber extends Node {
  /** The dependencies read by the last run, in reading order. */
  Link deps;
  /** During a run: the last dependency confirmed so far; links after it are stale. */
  Link depsTail;

  Subscriber(ReactiveContext ctx) {
    super(ctx);
  }

  /**
   * {@return what this node read in its last run, in reading order (see {@link
   * GraphNode#dependencies()}), a snapshot taken under the context's lock}
   */
  @Override
  public final List<GraphNode> dependencies() {
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      List<GraphNode> nodes = new ArrayList<>();
      for (Link link = deps; link != null; link = link.nextDep) {
        addIfGraphNode(nodes, link.dep);
      }
      return Collections.unmodifiableList(nodes);
    } finally {
      c.exit();
    }
  }
}
