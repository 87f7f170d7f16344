package dev.statewire.benchmarks.peer;

/** A readable node of a peer library's graph: a signal or a computed, seen through a {@link ReactiveApi}. */
public interface PeerValue<T> {

  /** The current value; inside a computed or an effect, the library records the read as its library does. */
  T get();
}
