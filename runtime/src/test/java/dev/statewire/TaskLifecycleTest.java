package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The life of a {@link Task} when cancellation, supersession, completion and {@code close()}
 * race: no deadlock, and a task cancelled before it started ends at once.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class TaskLifecycleTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  /**
   * The README's search-box pattern in a loop: each call supersedes the previous task, which
   * has often not started yet. This deadlocked within about a thousand calls.
   */
  @Test
  void supersedingInALoopWithALockBlockNeverDeadlocks() throws Exception {
    ReactiveContext ctx = ReactiveContext.create();
    Counter counter = new Counter(ctx);
    Task last = null;
    for (int q = 0; q < 20_000; q++) {
      last = counter.tasks.start("search", TaskPolicy.SUPERSEDE, () -> {
        try (var self = Statewire.lock(counter)) {
          counter.count++;
        }
      });
    }
    assertTrue(last.await(LONG), "the last search did not end");
    assertEquals(TaskStatus.COMPLETED, last.status());
    counter.close();
    assertTrue(counter.tasks.running().isEmpty());
    assertTrue(counter.countSignal.get() >= 1);
  }

  @Test
  void cancellingATaskThatNeverStartedEndsItAtOnce() throws Exception {
    ConcurrentLinkedQueue<Runnable> neverRun = new ConcurrentLinkedQueue<>();
    ReactiveContext ctx = ReactiveContext.builder().executor(neverRun::add).build();
    Counter counter = new Counter(ctx);
    AtomicInteger bodyRuns = new AtomicInteger();
    Task task = counter.tasks.start("load", TaskPolicy.PARALLEL, bodyRuns::incrementAndGet);
    assertEquals(TaskStatus.SCHEDULED, task.status());

    assertTrue(task.cancel());

    assertEquals(TaskStatus.CANCELLED, task.status());
    assertTrue(counter.tasks.running().isEmpty(), "a cancelled task is still listed");
    assertTrue(task.await(Duration.ZERO), "await() does not see the cancellation");
    ExecutionException thrown = assertThrows(ExecutionException.class,
        () -> task.completion().toCompletableFuture().get(0, TimeUnit.SECONDS));
    assertTrue(thrown.getCause() instanceof CancellationException, thrown::toString);
    assertFalse(task.cancel(), "a second cancel() reported a change");
    assertTrue(counter.tasks.close(LONG), "close() waited for a task that had ended");
    neverRun.forEach(Runnable::run); // the executor finally gets to it: the body must not run
    assertEquals(0, bodyRuns.get());
    assertEquals(TaskStatus.CANCELLED, task.status());
  }

  @Test
  void closeCancelsTasksThatNeverStarted() throws Exception {
    ConcurrentLinkedQueue<Runnable> neverRun = new ConcurrentLinkedQueue<>();
    ReactiveContext ctx = ReactiveContext.builder().executor(neverRun::add).build();
    Counter counter = new Counter(ctx);
    Task task = counter.tasks.start("load", TaskPolicy.PARALLEL, () -> { });

    assertTrue(counter.tasks.close(LONG), "close() reported a task that never ended");

    assertEquals(TaskStatus.CANCELLED, task.status());
    assertTrue(counter.tasks.running().isEmpty());
  }

  /** Completion callbacks run after every monitor is released: one may start the next task. */
  @Test
  void aCompletionCallbackMayStartAndCancelTasks() throws Exception {
    Counter counter = new Counter(ReactiveContext.create());
    CountDownLatch chained = new CountDownLatch(100);
    List<Task> started = new ArrayList<>();
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      if (chained.getCount() == 0) {
        return;
      }
      chained.countDown();
      Task t = counter.tasks.start("chain", TaskPolicy.SUPERSEDE, () -> { });
      synchronized (started) {
        started.add(t);
      }
      t.completion().whenComplete((v, e) -> next[0].run());
      t.cancel();
    };
    next[0].run();
    assertTrue(chained.await(60, TimeUnit.SECONDS), "the chain stopped");
    counter.close();
    assertTrue(counter.tasks.running().isEmpty());
  }

  /** Several threads start, supersede and cancel while another closes: everything ends. */
  @Test
  void closeRacingStartAndCancelLeavesNoTaskBehind() throws Exception {
    for (int round = 0; round < 50; round++) {
      Counter counter = new Counter(ReactiveContext.create());
      ExecutorService callers = Executors.newFixedThreadPool(3);
      List<Task> tasks = new CopyOnWriteArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        TaskPolicy policy = TaskPolicy.values()[c];
        calls.add(callers.submit(() -> {
          go.await();
          for (int i = 0; i < 200; i++) {
            try {
              Task t = counter.tasks.start("work", policy, () -> {
                try (var self = Statewire.lock(counter)) {
                  counter.count++;
                }
              });
              tasks.add(t);
              if (i % 3 == 0) {
                t.cancel();
              }
            } catch (ClosedException closed) {
              return null;
            }
          }
          return null;
        }));
      }
      go.countDown();
      boolean allEnded = counter.tasks.close(LONG);
      for (Future<?> call : calls) {
        call.get(60, TimeUnit.SECONDS);
      }
      callers.shutdown();
      assertTrue(allEnded, "close() timed out");
      for (Task t : tasks) {
        assertTrue(t.await(LONG), t + " never ended");
        assertTrue(t.status() != TaskStatus.FAILED, () -> t + ": " + t.failure());
      }
      assertTrue(counter.tasks.running().isEmpty());
    }
  }

  /** A task that closes its own object must not wait for itself (the wait here is a day). */
  @Test
  void aTaskMayCloseItsOwnObject() throws Exception {
    Counter counter = new Counter(ReactiveContext.create());
    boolean[] allEnded = new boolean[1];
    Task task = counter.tasks.start("quit", TaskPolicy.PARALLEL,
        () -> allEnded[0] = counter.tasks.close(Duration.ofDays(1)));
    assertTrue(task.await(LONG), "the task waited for itself");
    assertTrue(allEnded[0]);
    assertEquals(TaskStatus.CANCELLED, task.status());
  }

  /**
   * Closing inside a batch holds the context lock, which a task may need to end (here: an
   * action after a latch): close() must cancel without waiting, or both wait for a day.
   */
  @Test
  void closeInsideABatchCancelsWithoutWaiting() throws Exception {
    ReactiveContext ctx = ReactiveContext.create();
    Counter counter = new Counter(ctx);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Task task = counter.tasks.start("act", TaskPolicy.PARALLEL, () -> {
      started.countDown();
      while (release.getCount() > 0) {
        Thread.onSpinWait();
      }
      counter.add(1);
    });
    assertTrue(started.await(60, TimeUnit.SECONDS));
    ctx.batch(() -> {
      release.countDown();
      counter.tasks.close(Duration.ofDays(1));
    });
    assertTrue(task.await(LONG));
    assertEquals(TaskStatus.CANCELLED, task.status());
  }
}
