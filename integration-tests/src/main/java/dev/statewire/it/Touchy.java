package dev.statewire.it;

/**
 * A value whose {@code equals} throws what it was given, for tests of commits that fail midway;
 * {@link #calm(int)} makes one that compares normally.
 */
public final class Touchy {
  private final int value;
  private final Throwable thrownByEquals;

  private Touchy(int value, Throwable thrownByEquals) {
    this.value = value;
    this.thrownByEquals = thrownByEquals;
  }

  public static Touchy calm(int value) {
    return new Touchy(value, null);
  }

  /** A value whose {@code equals} throws {@code failure} (unchecked or an Error). */
  public static Touchy throwing(int value, Throwable failure) {
    return new Touchy(value, failure);
  }

  public int value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    if (thrownByEquals instanceof RuntimeException) {
      throw (RuntimeException) thrownByEquals;
    }
    if (thrownByEquals instanceof Error) {
      throw (Error) thrownByEquals;
    }
    return other instanceof Touchy && ((Touchy) other).value == value;
  }

  @Override
  public int hashCode() {
    return value;
  }

  @Override
  public String toString() {
    return "Touchy(" + value + ")";
  }
}
