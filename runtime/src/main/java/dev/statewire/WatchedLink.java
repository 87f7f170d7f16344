package dev.statewire;

/**
 * A dependency edge that can be in its dependency's subscriber list: every edge of a watched
 * subscriber is one (a computed that starts being watched has its edges replaced by these; one
 * computed for the first time for a watched reader creates these at once).
 *
 * <p>The subscriber list runs forward through {@link #nextSub} and ends with null; {@link
 * #prevSub} links backward, and the first edge's {@code prevSub} is the last edge, so that the
 * list needs no tail pointer in the node. Both are null while the edge is in no list.
 */
final class WatchedLink extends Link {
  final Subscriber sub;
  WatchedLink prevSub;
  WatchedLink nextSub;

  WatchedLink(Node dep, Subscriber sub, int version) {
    super(dep, version);
    this.sub = sub;
  }
}
