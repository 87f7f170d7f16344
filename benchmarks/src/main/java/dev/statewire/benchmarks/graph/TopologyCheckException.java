package dev.statewire.benchmarks.graph;

/**
 * A topology read a value other than the one upstream's benchmark asserts. It ends the benchmark
 * run: a runtime that computes wrong values must not be reported as fast.
 */
public final class TopologyCheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private TopologyCheckException(String message) {
    super(message);
  }

  /** Throws with the given description unless {@code condition} holds. */
  public static void check(boolean condition, String description) {
    if (!condition) {
      throw new TopologyCheckException("check failed: " + description);
    }
  }

  /** Throws, naming the check and both values, unless {@code actual == expected}. */
  public static void checkEquals(long expected, long actual, String description) {
    if (actual != expected) {
      throw new TopologyCheckException(
          "check failed: " + description + ": expected " + expected + " but read " + actual);
    }
  }

  /** Throws, naming the check and both values, unless {@code actual == expected} exactly. */
  public static void checkEquals(double expected, double actual, String description) {
    if (actual != expected) {
      throw new TopologyCheckException(
          "check failed: " + description + ": expected " + expected + " but read " + actual);
    }
  }
}
