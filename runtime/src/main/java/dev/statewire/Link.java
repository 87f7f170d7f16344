package dev.statewire;

/**
 * One dependency edge: {@code sub} read {@code dep} when {@code dep} had {@code version}.
 *
 * <p>The edge is always in the subscriber's dependency list. It is also in the dependency's
 * subscriber list only while the subscriber is watched, so that sources never keep an
 * unobserved computed alive.
 */
final class Link {
  final Node dep;
  final Subscriber sub;
  int version;
  Link nextDep;
  Link prevSub;
  Link nextSub;

  Link(Node dep, Subscriber sub, int version) {
    this.dep = dep;
    this.sub = sub;
    this.version = version;
  }
}
