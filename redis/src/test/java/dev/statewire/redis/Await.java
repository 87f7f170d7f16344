package dev.statewire.redis;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in the store's tests: for a condition (bounded, generous for a loaded machine), or a pause. */
final class Await {
  static final Duration WAIT = Duration.ofSeconds(30);

  private Await() {}

  /** Polls {@code condition} until it holds; fails naming {@code what} after {@link #WAIT}. */
  static void until(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
      }
      sleep(10);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
