package dev.statewire;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * A writable reactive {@code int} that never boxes: {@link #getInt()}, {@link #peekInt()} and
 * {@link #set(int)} work on the primitive, while {@link #get()} and {@link #peek()} give the
 * {@code ReadableSignal<Integer>} view (boxing) for code written against signals in general.
 * Otherwise it is a {@link Signal}: a write of an equal value is a no-op, a change marks what
 * depends on it, writes take the context lock and reads from other threads do not need it.
 * Generated state classes keep their {@code int} fields in one. A {@code byte}, {@code short} or
 * {@code char} fits exactly too (widening to {@code int} is exact), but the generic view would be
 * an {@code Integer}, not the field's own boxed type, so generated classes keep those in a {@code
 * Signal}.
 */
public final class IntSignal extends PrimitiveSignal<Integer> {
  IntSignal(ReactiveContext ctx, int initial) {
    super(ctx, initial);
  }

  /**
   * {@return an int signal in {@link ReactiveContext#current()}}
   *
   * @param initial the first value
   */
  public static IntSignal of(int initial) {
    return new IntSignal(ReactiveContext.current(), initial);
  }

  /**
   * Names this signal in error messages; returns this.
   *
   * @param name the name shown in messages
   * @return this signal
   */
  public IntSignal named(String name) {
    rename(name);
    return this;
  }

  /** {@return the value; inside a computation or effect, a dependency of it} */
  public int getInt() {
    return (int) readBits(true);
  }

  /** {@return the value, without making it a dependency of the running computation or effect} */
  public int peekInt() {
    return (int) readBits(false);
  }

  /**
   * Stores {@code newValue}; a no-op if it equals the current value.
   *
   * @param newValue the value to publish
   */
  public void set(int newValue) {
    setBits(newValue);
  }

  /**
   * Replaces the value with {@code fn(value)} atomically; returns the new value.
   *
   * @param fn computes the new value from the current one
   * @return the new value
   */
  public int update(IntUnaryOperator fn) {
    Objects.requireNonNull(fn, "fn");
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      int next = fn.applyAsInt((int) bitsForUpdate());
      write(next);
      return next;
    } finally {
      c.exit();
    }
  }

  @Override
  Integer box(long bits) {
    return (int) bits;
  }

  @Override
  String kind() {
    return "IntSignal";
  }
}
