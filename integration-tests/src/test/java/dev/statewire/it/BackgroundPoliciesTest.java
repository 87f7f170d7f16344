package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.ClosedException;
import dev.statewire.ReactiveContext;
import dev.statewire.Task;
import dev.statewire.TaskStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The three {@code @Background} policies, and {@code close()} cancelling running tasks. */
class BackgroundPoliciesTest {
  private final ReactiveWorker worker = new ReactiveWorker(ReactiveContext.create());
  private final CountDownLatch release = new CountDownLatch(1);

  @Test
  void parallelStartsATaskPerCall() throws Exception {
    Task first = worker.startParallel(release);
    Task second = worker.startParallel(release);
    assertNotSame(first, second);
    Waiting.until("both run", () -> worker.runs() == 2);
    release.countDown();
    Waiting.ended(first);
    Waiting.ended(second);
    assertEquals(TaskStatus.COMPLETED, first.status());
    assertEquals(TaskStatus.COMPLETED, second.status());
    worker.close();
  }

  @Test
  void skipStartsNothingWhileATaskRuns() throws Exception {
    Task first = worker.startSkipping(release);
    assertSame(first, worker.startSkipping(release));
    worker.skipping(release);
    assertEquals(Set.of(first), worker.backgroundTasks());
    release.countDown();
    Waiting.ended(first);
    assertEquals(1, worker.runs());
    Task later = worker.startSkipping(release);
    assertNotSame(first, later);
    Waiting.ended(later);
    assertEquals(2, worker.runs());
    worker.close();
  }

  @Test
  void supersedeCancelsTheRunningTaskAndStartsAnew() throws Exception {
    Task first = worker.startSuperseding(release);
    Waiting.until("the first task runs", () -> worker.runs() == 1);
    Task second = worker.startSuperseding(release);
    Waiting.ended(first);
    assertEquals(TaskStatus.CANCELLED, first.status());
    Waiting.until("the second task runs", () -> worker.runs() == 2);
    release.countDown();
    Waiting.ended(second);
    assertEquals(TaskStatus.COMPLETED, second.status());
    worker.close();
  }

  @Test
  void closeInterruptsASleepingTaskAndRefusesNewOnes() throws Exception {
    Task nap = worker.startNap(Duration.ofSeconds(30));
    Waiting.until("the task sleeps", () -> nap.status() == TaskStatus.RUNNING);
    worker.close();
    assertEquals(TaskStatus.CANCELLED, nap.status());
    assertEquals(Set.of(), worker.backgroundTasks());
    assertThrows(ClosedException.class, () -> worker.nap(Duration.ofSeconds(1)));
  }
}
