package dev.statewire;

/**
 * The read-only view {@link SourceSignal#asReadonly()} returns: forwards reads to its signal and has no
 * way to write it (a cast does not reach the signal).
 *
 * @param <T> the value's type
 */
final class ReadonlySignal<T> implements ReadableSignal<T> {
  private final SourceSignal<T> signal;

  ReadonlySignal(SourceSignal<T> signal) {
    this.signal = signal;
  }

  @Override
  public T get() {
    return signal.get();
  }

  @Override
  public T peek() {
    return signal.peek();
  }

  @Override
  public ReactiveContext context() {
    return signal.context();
  }

  @Override
  public String toString() {
    String name = signal.name();
    return "read-only view of " + signal.kind() + (name == null ? "" : " '" + name + "'");
  }
}
