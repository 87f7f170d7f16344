package dev.statewire;

/**
 * The node part of the computed values that compute a primitive: the result is kept as 64 bits
 * (an {@code int} sign-extended, a {@code double} as {@link Double#doubleToLongBits}, a {@code
 * boolean} as 0 or 1), so that computing, the equality cut-off, reads and the journal never box.
 * A result counts as unchanged when its bits are equal: for a {@code double} that is {@link
 * Double#equals} (every NaN equals every NaN, {@code -0.0} differs from {@code 0.0}), as for a
 * {@code DoubleSignal}. An exception the computation throws is cached in {@link #value}, as for
 * any computed value.
 *
 * @param <T> the boxed type of the generic view
 */
abstract sealed class PrimitiveComputed<T> extends Computed<T>
    permits IntComputed, LongComputed, DoubleComputed, BooleanComputed {
  /** The result of the last computation that did not throw. */
  private long bits;

  PrimitiveComputed(ReactiveContext ctx, Object fn) {
    super(ctx, fn);
  }

  /** {@return the result of running the computation, as bits} Lock held, tracking on. */
  abstract long computeBits();

  /** {@return the result as an object, for the generic view} */
  abstract T box(long bits);

  /** The result's bits, brought up to date; a tracked read if {@code tracked}. */
  final long readBits(boolean tracked) {
    ReactiveContext c = ctx;
    if (c.lock.isHeldByCurrentThread()) {
      readUnderLock(tracked ? c.activeSub : null);
      return resultBits(flags, value, bits);
    }
    c.checkNoOtherContextHeld(this);
    int stamp = c.lock.stamp();
    int f = flags;
    Object failure = value;
    long b = bits;
    if ((f & INITIALIZED) != 0 && isCurrent(f) && c.lock.validate(stamp)) {
      return resultBits(f, failure, b);
    }
    c.enterUninterruptibly();
    try {
      Graph.refresh(this);
      return resultBits(flags, value, bits);
    } finally {
      c.exit();
    }
  }

  private static long resultBits(int flags, Object failure, long bits) {
    throwIfFailed(flags, failure);
    return bits;
  }

  @Override
  public final T get() {
    return box(readBits(true));
  }

  @Override
  public final T peek() {
    return box(readBits(false));
  }

  /**
   * Runs the computation (the running node is this one) and, unless {@code compare} and the
   * result has the cached bits, stores the result; what {@link #recompute()} runs. Lock held.
   *
   * @param compare whether there is a cached result (not an exception) to compare with
   * @return whether the result is unchanged
   */
  final boolean computeAndStore(boolean compare) {
    long result = computeBits();
    if (compare && result == bits) {
      return true;
    }
    bits = result;
    value = null; // no exception kept from an earlier computation
    return false;
  }

  @Override
  final Object cachedValue() {
    return box(bits);
  }

  @Override
  final long cachedBits() {
    return bits;
  }

  @Override
  final void restore(Object failure, long bits) {
    value = failure;
    this.bits = bits;
  }
}
