package dev.statewire;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A writable reactive {@code double} that never boxes: {@link #getDouble()}, {@link
 * #peekDouble()} and {@link #set(double)} work on the primitive, while {@link #get()} and {@link
 * #peek()} give the {@code ReadableSignal<Double>} view (boxing). Otherwise it is a {@link
 * Signal}. "Unchanged" is {@link Double#equals}, as for a {@code Signal<Double>}: writing NaN
 * over NaN is a no-op, {@code -0.0} over {@code 0.0} is a change. Every NaN is stored as {@link
 * Double#NaN}. Generated state classes keep their {@code double} fields in one. A {@code float}
 * would fit exactly (every {@code float} is an exact {@code double}, and compares the same way
 * under {@code Double.compare}), but its generic view would be a {@code Double}, not a {@code
 * Float}, so generated classes keep {@code float} fields in a {@code Signal}.
 */
public final class DoubleSignal extends PrimitiveSignal<Double> {
  DoubleSignal(ReactiveContext ctx, double initial) {
    super(ctx, Double.doubleToLongBits(initial));
  }

  /**
   * {@return a double signal in {@link ReactiveContext#current()}}
   *
   * @param initial the first value
   */
  public static DoubleSignal of(double initial) {
    return new DoubleSignal(ReactiveContext.current(), initial);
  }

  /**
   * Names this signal in error messages; returns this.
   *
   * @param name the name shown in messages
   * @return this signal
   */
  public DoubleSignal named(String name) {
    rename(name);
    return this;
  }

  /** {@return the value; inside a computation or effect, a dependency of it} */
  public double getDouble() {
    return Double.longBitsToDouble(readBits(true));
  }

  /** {@return the value, without making it a dependency of the running computation or effect} */
  public double peekDouble() {
    return Double.longBitsToDouble(readBits(false));
  }

  /**
   * Stores {@code newValue}; a no-op if it equals the current value (by {@link Double#equals}).
   *
   * @param newValue the value to publish
   */
  public void set(double newValue) {
    setBits(Double.doubleToLongBits(newValue));
  }

  /**
   * Replaces the value with {@code fn(value)} atomically; returns the new value.
   *
   * @param fn computes the new value from the current one
   * @return the new value
   */
  public double update(DoubleUnaryOperator fn) {
    Objects.requireNonNull(fn, "fn");
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      double next = fn.applyAsDouble(Double.longBitsToDouble(bitsForUpdate()));
      write(Double.doubleToLongBits(next));
      return next;
    } finally {
      c.exit();
    }
  }

  @Override
  Double box(long bits) {
    return Double.longBitsToDouble(bits);
  }

  @Override
  String kind() {
    return "DoubleSignal";
  }
}
