package dev.statewire;

/**
 * A reactive value that can be read: a {@link Signal} or a {@link Computed}.
 *
 * @param <T> the value's type
 */
public interface ReadableSignal<T> {
  /**
   * {@return the current value} Inside a computed or effect run, the running node comes to depend on
   * this one. From any thread, the value belongs to a committed state.
   */
  T get();

  /** {@return the current value, without creating a dependency} */
  T peek();

  /** {@return the context this node belongs to} */
  ReactiveContext context();
}
