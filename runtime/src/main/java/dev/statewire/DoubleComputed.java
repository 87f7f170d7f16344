package dev.statewire;

import java.util.function.DoubleSupplier;

/**
 * A computed {@code double} that never boxes: {@link #getDouble()} and {@link #peekDouble()} give
 * the primitive, while {@link #get()} and {@link #peek()} give the {@code ReadableSignal<Double>}
 * view (boxing) for code written against signals in general. Otherwise it is a {@link Computed}:
 * lazy, cached, re-computed only when something it read changed, an exception cached until then.
 * "Unchanged" is {@link Double#equals}, as for a {@code DoubleSignal}: NaN after NaN is unchanged,
 * {@code -0.0} after {@code 0.0} is a change. Generated state classes keep their {@code @Derived}
 * double methods in one.
 */
public final class DoubleComputed extends PrimitiveComputed<Double> {
  DoubleComputed(ReactiveContext ctx, DoubleSupplier fn) {
    super(ctx, fn);
  }

  /**
   * {@return a computed double in {@link ReactiveContext#current()}}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   */
  public static DoubleComputed of(DoubleSupplier fn) {
    return new DoubleComputed(ReactiveContext.current(), fn);
  }

  /**
   * Names this computed in error messages and generated descriptions; returns this.
   *
   * @param name the name shown in messages
   * @return this computed
   */
  @Override
  public DoubleComputed named(String name) {
    super.named(name);
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

  @Override
  long computeBits() {
    double result = ((DoubleSupplier) fn).getAsDouble();
    return Double.doubleToLongBits(result);
  }

  @Override
  Double box(long bits) {
    return Double.longBitsToDouble(bits);
  }

  @Override
  String kind() {
    return "DoubleComputed";
  }
}
