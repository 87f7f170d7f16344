package dev.statewire.benchmarks.peer;

/** A writable source node of a peer library's graph. */
public interface PeerSignal<T> extends PeerValue<T> {

  /**
   * Writes a value; a value equal to the current one ({@code equals}) is a no-op. Call it only
   * inside {@link ReactiveApi#batch(Runnable)}.
   */
  void set(T value);
}
