package dev.statewire;

import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * A writable reactive {@code long} that never boxes: {@link #getLong()}, {@link #peekLong()} and
 * {@link #set(int)} work on the primitive, while {@link #get()} and {@link #peek()} give the
 * {@code ReadableSignal<Long>} view (boxing) for code written against signals in general.
 * Otherwise it is a {@link Signal}: a write of an equal value is a no-op, a change marks what
 * depends on it, writes take the context lock and reads from other threads do not need it.
 * Generated state classes keep their {@code long} fields in one.
 */
public final class LongSignal extends PrimitiveSignal<Long> {
  LongSignal(ReactiveContext ctx, long initial) {
    super(ctx, initial);
  }

  /**
   * {@return an int signal in {@link ReactiveContext#current()}}
   *
   * @param initial the first value
   */
  public static LongSignal of(long initial) {
    return new LongSignal(ReactiveContext.current(), initial);
  }

  /**
   * Names this signal in error messages; returns this.
   *
   * @param name the name shown in messages
   * @return this signal
   */
  public LongSignal named(String name) {
    rename(name);
    return this;
  }

  /** {@return the value; inside a computation or effect, a dependency of it} */
  public long getLong() {
    return readBits(true);
  }

  /** {@return the value, without making it a dependency of the running computation or effect} */
  public long peekLong() {
    return readBits(false);
  }

  /**
   * Stores {@code newValue}; a no-op if it equals the current value.
   *
   * @param newValue the value to publish
   */
  public void set(long newValue) {
    setBits(newValue);
  }

  /**
   * Replaces the value with {@code fn(value)} atomically; returns the new value.
   *
   * @param fn computes the new value from the current one
   * @return the new value
   */
  public long update(LongUnaryOperator fn) {
    Objects.requireNonNull(fn, "fn");
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      long next = fn.applyAsLong(bitsForUpdate());
      write(next);
      return next;
    } finally {
      c.exit();
    }
  }

  @Override
  Long box(long bits) {
    return bits;
  }

  @Override
  String kind() {
    return "LongSignal";
  }
}
