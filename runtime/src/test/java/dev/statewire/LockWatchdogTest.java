package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lock-hold watchdog driven sample by sample with a made-up clock. The contexts' threshold
 * is an hour, so the JVM's own watchdog, on real time, never reports during a test.
 */
class LockWatchdogTest {
  private static final long HOUR = TimeUnit.HOURS.toNanos(1);
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final List<Throwable> reported = new ArrayList<>();
  private final ReactiveContext ctx = ReactiveContext.builder()
      .name("watched")
      .lockHoldThreshold(Duration.ofHours(1))
      .errorHandler((source, error) -> {
        synchronized (reported) {
          reported.add(error);
        }
      })
      .build();
  private final Counter counter = new Counter(ctx);
  private final LockWatchdog watchdog = new LockWatchdog(false);

  @AfterEach
  void closeContext() {
    ctx.close();
  }

  @Test
  void aHoldSeenBySamplesAThresholdApartIsReportedOnceNamingItsThread() {
    watchdog.watch(ctx);
    try (var self = Statewire.lock(counter)) {
      watchdog.sample(0);
      watchdog.sample(HOUR - 1);
      assertEquals(List.of(), reported, "held for less than the threshold so far");
      watchdog.sample(HOUR);
      watchdog.sample(2 * HOUR);
    }
    assertEquals(1, reported.size(), "one report per hold");
    LockHeldTooLongException report = (LockHeldTooLongException) reported.get(0);
    assertTrue(report.getMessage().contains("at least 3600000 ms by thread '"
        + Thread.currentThread().getName() + "'"), report.getMessage());
    assertTrue(report.getStackTrace().length > 0, "where the holder was");
  }

  @Test
  void shortHoldsBetweenSamplesAreNeverReported() {
    watchdog.watch(ctx);
    try (var self = Statewire.lock(counter)) {
      watchdog.sample(0);
    }
    try (var self = Statewire.lock(counter)) {
      watchdog.sample(2 * HOUR); // another hold (another stamp): it started after the last sample
    }
    watchdog.sample(3 * HOUR);
    assertEquals(List.of(), reported);
  }

  @Test
  void anIdleContextIsDroppedAndWatchedAgainWhenItTakesItsLock() {
    watchdog.watch(ctx);
    watchdog.sample(0);
    watchdog.sample(SECOND - 1);
    assertTrue(watchdog.isWatching(ctx), "idle for less than a second");
    watchdog.sample(SECOND);
    assertFalse(watchdog.isWatching(ctx), "idle for a second");
    assertFalse(ctx.lockWatched, "the next acquisition asks to be watched");
    try (var self = Statewire.lock(counter)) { // taking the lock asks the JVM's watchdog again
      assertTrue(ctx.lockWatched);
      assertTrue(LockWatchdog.JVM.isWatching(ctx));
    }
  }

  @Test
  void aClosedContextIsNotWatched() {
    try (var self = Statewire.lock(counter)) {
      assertTrue(LockWatchdog.JVM.isWatching(ctx), "watched while it holds its lock");
    }
    ctx.close();
    assertFalse(LockWatchdog.JVM.isWatching(ctx));
    watchdog.watch(ctx);
    assertFalse(watchdog.isWatching(ctx));
  }

  @Test
  void aContextWithReportsOffIsNeverWatched() {
    ReactiveContext quiet = ReactiveContext.builder().lockHoldThreshold(Duration.ZERO).build();
    quiet.signal(0).set(1);
    assertFalse(LockWatchdog.JVM.isWatching(quiet));
    quiet.close();
  }
}
