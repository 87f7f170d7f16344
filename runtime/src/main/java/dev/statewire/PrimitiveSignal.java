package dev.statewire;

/**
 * The node part of the signals that hold a primitive: the value is kept as 64 bits (an {@code
 * int} sign-extended, a {@code double} as {@link Double#doubleToLongBits}, a {@code boolean} as 0
 * or 1), so that reads, writes, the journal and the commit never box. A write is a no-op when the
 * bits are equal: for a {@code double} that is {@link Double#equals} (every NaN equals every
 * NaN, {@code -0.0} differs from {@code 0.0}), as for a {@code Signal<Double>}.
 *
 * @param <T> the boxed type of the generic view
 */
abstract sealed class PrimitiveSignal<T> extends SourceSignal<T>
    permits IntSignal, LongSignal, DoubleSignal, BooleanSignal {
  private long bits;

  PrimitiveSignal(ReactiveContext ctx, long bits) {
    super(ctx);
    this.bits = bits;
  }

  /** {@return the value as an object, for the generic view} */
  abstract T box(long bits);

  /** The value's bits, a tracked read if {@code tracked}. */
  final long readBits(boolean tracked) {
    if (tracked ? trackedUnderLock() : ctx.lock.isHeldByCurrentThread()) {
      return bits;
    }
    return readWithoutLock();
  }

  private long readWithoutLock() {
    ReactiveContext c = ctx;
    c.checkNoOtherContextHeld(this);
    int stamp = c.lock.stamp();
    long v = bits;
    if (c.lock.validate(stamp)) {
      return v;
    }
    c.enterUninterruptibly();
    try {
      return bits;
    } finally {
      c.exit();
    }
  }

  @Override
  public final T get() {
    return box(readBits(true));
  }

  @Override
  public final T peek() {
    return box(readBits(false));
  }

  /** Stores {@code newBits} under the lock; a no-op if they equal the current ones. */
  final void setBits(long newBits) {
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      write(newBits);
    } finally {
      c.exit();
    }
  }

  /** The current bits, for an update: lock held, not a tracked read. */
  final long bitsForUpdate() {
    return bits;
  }

  /** Stores {@code newBits}, read in the same lock session as {@link #bitsForUpdate()}. */
  final void write(long newBits) {
    ReactiveContext c = ctx;
    c.checkWriteAllowed(this);
    long old = bits;
    if (old == newBits) {
      return;
    }
    if (c.spy != null) {
      c.spy.signalWritten(this, box(old), box(newBits)); // before anything changes
    }
    boolean journaled = (flags & JOURNALED) != 0;
    boolean writtenBack = journaled && newBits == c.journal.bitsBefore(this);
    bits = newBits;
    wrote(c, journaled, writtenBack, null, old);
  }

  @Override
  final void publish(Object value, long newBits) {
    bits = newBits;
    changed();
  }

  @Override
  final Object committedValue(Object value, long committedBits) {
    return box(committedBits);
  }

  /** {@return its kind, name and value, e.g. {@code IntSignal 'Cart.count' = 3}, read without locking} */
  @Override
  public final String toString() {
    return describe() + " = " + box(bits);
  }
}
