package dev.statewire;

import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * A writable reactive value.
 *
 * <p>{@link #set} stores a value unless it equals the current one (by {@link Objects#equals} or
 * the equality given at creation). A change marks what depends on it as stale; outside a batch,
 * the effects it reaches have run by the time {@code set} returns. Writes take the context's
 * lock; reads from other threads do not need it.
 *
 * @param <T> the value's type
 */
public final class Signal<T> extends SourceSignal<T> {
  private T value;
  private final BiPredicate<? super T, ? super T> equality;

  Signal(ReactiveContext ctx, T initial, BiPredicate<? super T, ? super T> equality) {
    super(ctx);
    this.value = initial;
    this.equality = equality;
  }

  /**
   * {@return a signal in {@link ReactiveContext#current()}, compared with {@link Objects#equals}}
   *
   * @param initial the first value
   * @param <T> the value type
   */
  public static <T> Signal<T> of(T initial) {
    return new Signal<>(ReactiveContext.current(), initial, null);
  }

  /**
   * {@return a signal in {@link ReactiveContext#current()}; {@code equality} decides "unchanged"}
   *
   * @param initial the first value
   * @param equality returns true when a new value counts as unchanged
   * @param <T> the value type
   */
  public static <T> Signal<T> of(T initial, BiPredicate<? super T, ? super T> equality) {
    return new Signal<>(ReactiveContext.current(), initial,
        Objects.requireNonNull(equality, "equality"));
  }

  /**
   * Names this signal in error messages; returns this.
   *
   * @param name the name shown in messages
   * @return this signal
   */
  public Signal<T> named(String name) {
    rename(name);
    return this;
  }

  @Override
  public T get() {
    if (trackedUnderLock()) {
      return value;
    }
    return readWithoutLock();
  }

  @Override
  public T peek() {
    if (ctx.lock.isHeldByCurrentThread()) {
      return value;
    }
    return readWithoutLock();
  }

  private T readWithoutLock() {
    ReactiveContext c = ctx;
    c.checkNoOtherContextHeld(this);
    int stamp = c.lock.stamp();
    T v = value;
    if (c.lock.validate(stamp)) {
      return v;
    }
    c.enterUninterruptibly();
    try {
      return value;
    } finally {
      c.exit();
    }
  }

  /**
   * Stores {@code newValue}; a no-op if it equals the current value.
   *
   * @param newValue the value to publish; an equal one changes nothing
   */
  public void set(T newValue) {
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      write(newValue);
    } finally {
      c.exit();
    }
  }

  /**
   * Replaces the value with {@code fn(value)} atomically; returns the new value.
   *
   * @param fn computes the new value from the current one
   * @return the new value
   */
  public T update(UnaryOperator<T> fn) {
    Objects.requireNonNull(fn, "fn");
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      T next = fn.apply(value);
      write(next);
      return next;
    } finally {
      c.exit();
    }
  }

  private void write(T newValue) {
    ReactiveContext c = ctx;
    c.checkWriteAllowed(this);
    T old = value;
    // user code (the equality, equals) runs before anything changes: if it throws, the write
    // fails and the signal is as it was
    if (compareUntracked(old, newValue, false)) {
      return;
    }
    if (c.spy != null) {
      c.spy.signalWritten(this, old, newValue); // before anything changes: listeners read a
    }                                             // consistent graph
    boolean journaled = (flags & JOURNALED) != 0;
    boolean writtenBack =
        journaled && compareUntracked(newValue, c.journal.valueBefore(this), true);
    value = newValue;
    wrote(c, journaled, writtenBack, old, 0);
  }

  /**
   * Compares with the signal's equality, or with {@code equals} if {@code byEquals}; what the
   * comparison reads is not a dependency of the running effect.
   */
  private boolean compareUntracked(T a, Object b, boolean byEquals) {
    ReactiveContext c = ctx;
    Subscriber running = c.activeSub;
    if (running == null) {
      return compare(a, b, byEquals);
    }
    c.activeSub = null;
    try {
      return compare(a, b, byEquals);
    } finally {
      c.activeSub = running;
    }
  }

  @SuppressWarnings("unchecked")
  private boolean compare(T a, Object b, boolean byEquals) {
    return equality == null || byEquals ? Objects.equals(a, b) : equality.test(a, (T) b);
  }

  @Override
  @SuppressWarnings("unchecked")
  void publish(Object newValue, long bits) {
    value = (T) newValue;
    changed();
  }

  @Override
  Object committedValue(Object committed, long bits) {
    return committed;
  }

  /** {@return its kind, name and value, e.g. {@code Signal 'TaskState.counter' = 3}, read without locking} */
  @Override
  public String toString() {
    return describe() + " = " + value;
  }

  @Override
  String kind() {
    return "Signal";
  }
}
