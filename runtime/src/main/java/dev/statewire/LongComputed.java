package dev.statewire;

import java.util.function.LongSupplier;

/**
 * A computed {@code long} that never boxes: {@link #getLong()} and {@link #peekLong()} give the
 * primitive, while {@link #get()} and {@link #peek()} give the {@code ReadableSignal<Long>} view
 * (boxing) for code written against signals in general. Otherwise it is a {@link Computed}: lazy,
 * cached, re-computed only when something it read changed, an exception cached until then.
 * "Unchanged" is an equal value. Generated state classes keep their {@code @Derived} long methods
 * in one.
 */
public final class LongComputed extends PrimitiveComputed<Long> {
  LongComputed(ReactiveContext ctx, LongSupplier fn) {
    super(ctx, fn);
  }

  /**
   * {@return a computed long in {@link ReactiveContext#current()}}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   */
  public static LongComputed of(LongSupplier fn) {
    return new LongComputed(ReactiveContext.current(), fn);
  }

  /**
   * Names this computed in error messages and generated descriptions; returns this.
   *
   * @param name the name shown in messages
   * @return this computed
   */
  @Override
  public LongComputed named(String name) {
    super.named(name);
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

  @Override
  long computeBits() {
    return ((LongSupplier) fn).getAsLong();
  }

  @Override
  Long box(long bits) {
    return bits;
  }

  @Override
  String kind() {
    return "LongComputed";
  }
}
