package dev.statewire;

/**
 * A writable reactive {@code boolean} that never boxes: {@link #getBoolean()}, {@link
 * #peekBoolean()} and {@link #set(boolean)} work on the primitive, while {@link #get()} and
 * {@link #peek()} give the {@code ReadableSignal<Boolean>} view. Otherwise it is a {@link
 * Signal}: a write of the same value is a no-op. Generated state classes keep their {@code
 * boolean} fields in one.
 */
public final class BooleanSignal extends PrimitiveSignal<Boolean> {
  BooleanSignal(ReactiveContext ctx, boolean initial) {
    super(ctx, initial ? 1 : 0);
  }

  /**
   * {@return a boolean signal in {@link ReactiveContext#current()}}
   *
   * @param initial the first value
   */
  public static BooleanSignal of(boolean initial) {
    return new BooleanSignal(ReactiveContext.current(), initial);
  }

  /**
   * Names this signal in error messages; returns this.
   *
   * @param name the name shown in messages
   * @return this signal
   */
  public BooleanSignal named(String name) {
    rename(name);
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

  /**
   * Stores {@code newValue}; a no-op if it is the current value.
   *
   * @param newValue the value to publish
   */
  public void set(boolean newValue) {
    setBits(newValue ? 1 : 0);
  }

  /**
   * Sets the value to its negation atomically; returns the new value.
   *
   * @return the new value
   */
  public boolean toggle() {
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      long next = bitsForUpdate() ^ 1;
      write(next);
      return next != 0;
    } finally {
      c.exit();
    }
  }

  @Override
  Boolean box(long bits) {
    return bits != 0;
  }

  @Override
  String kind() {
    return "BooleanSignal";
  }
}
