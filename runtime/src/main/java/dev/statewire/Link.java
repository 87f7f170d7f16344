package dev.statewire;

/**
 * One dependency edge: its subscriber read {@code dep} when {@code dep} had {@code version}.
 *
 * <p>The edge is always in the subscriber's dependency list, which is where it is reached from;
 * it is also in the dependency's subscriber list only while the subscriber is watched, so that
 * sources never keep an unobserved computed alive. Only a {@link WatchedLink} can be there, and
 * only it knows its subscriber: an edge of a computed no effect depends on is 24 bytes, not 40.
 */
class Link {
  final Node dep;
  int version;
  Link nextDep;

  Link(Node dep, int version) {
    this.dep = dep;
    this.version = version;
  }
}
