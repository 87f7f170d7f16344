package dev.statewire;

import java.util.function.IntSupplier;

/**
 * A computed {@code int} that never boxes: {@link #getInt()} and {@link #peekInt()} give the
 * primitive, while {@link #get()} and {@link #peek()} give the {@code ReadableSignal<Integer>}
 * view (boxing) for code written against signals in general. Otherwise it is a {@link Computed}:
 * lazy, cached, re-computed only when something it read changed, an exception cached until then.
 * "Unchanged" is an equal value. Generated state classes keep their {@code @Derived} int methods
 * in one.
 */
public final class IntComputed extends PrimitiveComputed<Integer> {
  IntComputed(ReactiveContext ctx, IntSupplier fn) {
    super(ctx, fn);
  }

  /**
   * {@return a computed int in {@link ReactiveContext#current()}}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   */
  public static IntComputed of(IntSupplier fn) {
    return new IntComputed(ReactiveContext.current(), fn);
  }

  /**
   * Names this computed in error messages and generated descriptions; returns this.
   *
   * @param name the name shown in messages
   * @return this computed
   */
  @Override
  public IntComputed named(String name) {
    super.named(name);
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

  @Override
  long computeBits() {
    return ((IntSupplier) fn).getAsInt();
  }

  @Override
  Integer box(long bits) {
    return (int) bits;
  }

  @Override
  String kind() {
    return "IntComputed";
  }
}
