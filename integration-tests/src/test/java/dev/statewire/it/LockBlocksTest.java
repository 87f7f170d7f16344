package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.LockGuard;
import dev.statewire.LockTimeoutException;
import dev.statewire.ReactiveContext;
import dev.statewire.StateMutationException;
import dev.statewire.Statewire;
import dev.statewire.Task;
import dev.statewire.TaskStatus;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Lock blocks in generated classes: contention, timeouts, failures, writes behind their back. */
class LockBlocksTest {
  /** What the context's error handler received. */
  private final List<Throwable> reported = new CopyOnWriteArrayList<>();
  /** Reports lock hold times of 10 s and more: none here, unless something hangs. */
  private final ReactiveContext context =
      ReactiveContext.builder()
          .name("lock-blocks")
          .errorHandler((source, error) -> reported.add(error))
          .lockHoldThreshold(Duration.ofSeconds(10))
          .build();

  @Test
  void eightTasksOfAThousandLockBlocksLoseNothing() throws Exception {
    try (ReactiveLedger ledger = new ReactiveLedger(context)) {
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(ledger.startPost(1_000));
      }
      for (Task task : tasks) {
        Waiting.ended(task);
        assertEquals(TaskStatus.COMPLETED, task.status(), () -> String.valueOf(task.failure()));
      }
      assertEquals(8_000, ledger.entries());
      assertEquals(8_000, ledger.credits());
      assertEquals(List.of(), reported);
    }
  }

  @Test
  void aLockTimeoutFailsTheTaskAndIsReported() throws Exception {
    try (ReactiveWorker worker = new ReactiveWorker(context)) {
      Task timed;
      try (LockGuard busy = Statewire.lock(worker)) {
        timed = worker.startTimed(Duration.ofMillis(20));
        Waiting.ended(timed);
      }
      assertEquals(TaskStatus.FAILED, timed.status());
      assertInstanceOf(LockTimeoutException.class, timed.failure());
      assertEquals(List.of(timed.failure()), reported);
      assertEquals(0, worker.runs());
    }
  }

  @Test
  void anExceptionInALambdaBlockRestoresItsWritesKeepsPriorCommitsAndReleasesTheLock()
      throws Exception {
    try (ReactiveWorker worker = new ReactiveWorker(context)) {
      Task failing = worker.startFailInLambdaBlock();
      Waiting.ended(failing);
      assertEquals(TaskStatus.FAILED, failing.status());
      assertInstanceOf(IllegalStateException.class, failing.failure());
      assertEquals(1, worker.committed());
      assertEquals(0, worker.pending());
      assertLockFree();
    }
  }

  @Test
  void anExceptionInATryBlockReleasesTheLockAndCommitsWhatItWrote() throws Exception {
    try (ReactiveWorker worker = new ReactiveWorker(context)) {
      Task failing = worker.startFailInTryBlock();
      Waiting.ended(failing);
      assertEquals(TaskStatus.FAILED, failing.status());
      assertEquals(1, worker.pending());
      assertLockFree();
    }
  }

  @Test
  void aReflectiveWriteIsCaughtAtTheNextLockAndReverted() throws Exception {
    try (ReactiveLedger ledger = new ReactiveLedger(context)) {
      Waiting.ended(ledger.startPost(3));
      Field debits = Ledger.class.getDeclaredField("debits");
      debits.setAccessible(true);
      debits.setLong(ledger, 42);

      StateMutationException caught =
          assertThrows(StateMutationException.class, () -> Statewire.lock(ledger).close());
      assertEquals("Ledger.debits", caught.field());
      assertEquals(3L, debits.getLong(ledger));
      assertEquals(3, ledger.entries());
      assertLockFree();

      debits.setLong(ledger, 7);
      Task task = ledger.startPost(1);
      Waiting.ended(task);
      assertInstanceOf(StateMutationException.class, task.failure());
      Task after = ledger.startPost(1);
      Waiting.ended(after);
      assertEquals(TaskStatus.COMPLETED, after.status());
      assertEquals(4, ledger.entries());
    }
  }

  private void assertLockFree() throws InterruptedException {
    assertFalse(context.isHeldByCurrentThread());
    LockGuard guard = context.tryEnter(Duration.ofSeconds(10));
    assertNotNull(guard, "the lock was left held");
    assertTrue(guard.isOutermost());
    guard.close();
  }
}
