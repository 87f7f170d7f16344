package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LockBlockTest {
  private final List<Throwable> reported = new ArrayList<>();
  private final ReactiveContext ctx = ReactiveContext.builder()
      .lockHoldThreshold(Duration.ZERO) // only the reports a test provokes
      .errorHandler((source, error) -> {
        synchronized (reported) {
          reported.add(error);
        }
      })
      .build();
  private final Counter counter = new Counter(ctx);

  @Test
  void lockBlockCommitsAtTheOutermostClose() {
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(counter.countSignal.get()));
    try (var self = Statewire.lock(counter)) {
      counter.count = 1;
      try (var inner = Statewire.lock(counter)) {
        counter.count = 2;
      }
      assertEquals(List.of(0), seen, "not published before the outermost close");
    }
    assertEquals(List.of(0, 2), seen);
  }

  @Test
  void failedActionRestoresItsWritesAndKeepsEarlierCommits() {
    counter.add(5);
    assertThrows(IllegalArgumentException.class, () -> counter.add(-10));
    assertEquals(5, counter.count);
    assertEquals(5, counter.countSignal.get());
    assertFalse(ctx.isHeldByCurrentThread(), "the lock is released");
  }

  @Test
  void writeBehindTheLocksBackIsDetectedAtTheNextLock() {
    counter.add(3);
    counter.count = 99; // what reflection or unprocessed code would do
    StateMutationException e = assertThrows(StateMutationException.class,
        () -> Statewire.lock(counter));
    assertEquals("Counter.count", e.field());
    assertEquals(3, counter.count, "reverted to the committed value");
    assertFalse(ctx.isHeldByCurrentThread(), "a failed join releases the lock");
    counter.add(1);
    assertEquals(4, counter.countSignal.get());
  }

  @Test
  void lambdaLockBlockIsATransaction() {
    counter.add(2);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(counter.countSignal.get()));
    assertThrows(IllegalStateException.class, () -> Statewire.lock(counter, () -> {
      counter.count = 50;
      throw new IllegalStateException("halfway");
    }));
    assertEquals(2, counter.count, "restored");
    assertEquals(List.of(2), seen, "nothing published");
    Statewire.lock(counter, () -> counter.count = 3);
    assertEquals(List.of(2, 3), seen);
  }

  @Test
  void plainObjectsCannotBeLocked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Statewire.lock(new Object()));
    assertTrue(e.getMessage().contains("generated reactive object"), e.getMessage());
  }

  @Test
  void lockWithTimeoutFailsWhenHeldElsewhere() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try (var self = Statewire.lock(counter)) {
        holding.countDown();
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "holder");
    holder.start();
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    LockTimeoutException e = assertThrows(LockTimeoutException.class,
        () -> Statewire.lock(counter, Duration.ofMillis(20)));
    assertTrue(e.getMessage().contains("'holder'"), e.getMessage());
    release.countDown();
    holder.join(10_000);
  }

  @Test
  void waitingForTheLockIsInterruptible() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> ctx.batch(() -> {
      holding.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    holder.start();
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    Task waiting = counter.tasks.start("waiter", TaskPolicy.PARALLEL, () -> {
      try (var self = Statewire.lock(counter)) {
        counter.count++;
      }
    });
    while (waiting.status() != TaskStatus.RUNNING) {
      Thread.onSpinWait();
    }
    waiting.cancel();
    assertTrue(waiting.await(Duration.ofSeconds(10)));
    assertEquals(TaskStatus.CANCELLED, waiting.status());
    release.countDown();
    holder.join(10_000);
    assertEquals(0, counter.countSignal.get());
  }

  @Test
  void aLockBlockHeldPastTheThresholdIsReportedWhileItHolds() {
    ReactiveContext strict = ReactiveContext.builder()
        .lockHoldThreshold(Duration.ofMillis(1))
        .errorHandler((source, error) -> {
          synchronized (reported) {
            reported.add(error);
          }
        })
        .build();
    Counter slow = new Counter(strict);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (var self = Statewire.lock(slow)) {
      while (reportCount() == 0) { // the watchdog reports while the block still holds the lock
        assertTrue(System.nanoTime() < deadline, "no LockHeldTooLongException within 30 s");
        Statewire.sleep(Duration.ofMillis(5));
      }
    }
    Throwable report = reported.get(0);
    assertTrue(report instanceof LockHeldTooLongException, report.toString());
    assertTrue(report.getMessage().contains("thread '" + Thread.currentThread().getName() + "'"),
        report.getMessage());
    strict.close();
  }

  private int reportCount() {
    synchronized (reported) {
      return reported.size();
    }
  }

  @Test
  void sleepTurnsAnInterruptIntoCancellation() {
    Thread.currentThread().interrupt();
    assertThrows(CancellationException.class, () -> Statewire.sleep(Duration.ofSeconds(10)));
    assertTrue(Thread.interrupted(), "the interrupt status stays set");
  }
}
