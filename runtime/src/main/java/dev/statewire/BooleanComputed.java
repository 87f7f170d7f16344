package dev.statewire;

import java.util.function.BooleanSupplier;

/**
 * A computed {@code boolean} that never boxes: {@link #getBoolean()} and {@link #peekBoolean()}
 * give the primitive, while {@link #get()} and {@link #peek()} give the {@code
 * ReadableSignal<Boolean>} view (boxing) for code written against signals in general. Otherwise it
 * is a {@link Computed}: lazy, cached, re-computed only when something it read changed, an
 * exception cached until then. "Unchanged" is the same value. Generated state classes keep their
 * {@code @Derived} boolean methods in one.
 */
public final class BooleanComputed extends PrimitiveComputed<Boolean> {
  BooleanComputed(ReactiveContext ctx, BooleanSupplier fn) {
    super(ctx, fn);
  }

  /**
   * {@return a computed boolean in {@link ReactiveContext#current()}}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   */
  public static BooleanComputed of(BooleanSupplier fn) {
    return new BooleanComputed(ReactiveContext.current(), fn);
  }

  /**
   * Names this computed in error messages and generated descriptions; returns this.
   *
   * @param name the name shown in messages
   * @return this computed
   */
  @Override
  public BooleanComputed named(String name) {
    super.named(name);
    return this;
  }

  /** {@return the value; inside a computation or effect, a dependency of it} */
  public boolean getBoolean() {
    return readBits(true) != 0;
  }

  /** {@return the value, without making it a dependency of the running computation or effect} */
  public boolean peekBoolean() {
    return readBits(false) != 0;
  }

  @Override
  long computeBits() {
    boolean result = ((BooleanSupplier) fn).getAsBoolean();
    return result ? 1 : 0;
  }

  @Override
  Boolean box(long bits) {
    return bits != 0;
  }

  @Override
  String kind() {
    return "BooleanComputed";
  }
}
