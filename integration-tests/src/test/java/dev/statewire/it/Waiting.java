package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Task;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for conditions other threads bring about. */
final class Waiting {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private Waiting() {}

  /** Polls {@code condition} until it holds; fails after 30 seconds. */
  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(1);
    }
  }

  /** Waits for {@code task} to end; fails after 30 seconds. */
  static void ended(Task task) throws InterruptedException {
    assertTrue(task.await(LIMIT), task + " did not end in time");
  }
}
