package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {
  private final List<String> reported = new ArrayList<>();
  private final ReactiveContext ctx = ReactiveContext.builder()
      .lockHoldThreshold(Duration.ZERO) // only the reports a test provokes
      .errorHandler((source, error) -> {
        synchronized (reported) {
          reported.add(source + ": " + error.getMessage());
        }
      })
      .build();
  private final Counter counter = new Counter(ctx);

  @Test
  void manyTasksWithManyLockBlocksLoseNothing() throws Exception {
    List<Task> tasks = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      tasks.add(counter.tasks.start("add", TaskPolicy.PARALLEL, () -> {
        for (int i = 0; i < 1000; i++) {
          try (var self = Statewire.lock(counter)) {
            counter.count++;
          }
        }
      }));
    }
    for (Task task : tasks) {
      assertTrue(task.await(Duration.ofSeconds(60)));
      assertEquals(TaskStatus.COMPLETED, task.status());
    }
    assertEquals(8000, counter.countSignal.get());
    assertTrue(counter.tasks.running().isEmpty());
  }

  @Test
  void skipPolicyReturnsTheRunningTask() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Task first = counter.tasks.start("load", TaskPolicy.SKIP, () -> release.await());
    Task second = counter.tasks.start("load", TaskPolicy.SKIP, () -> { });
    assertSame(first, second);
    assertEquals(1, counter.tasks.running().size());
    release.countDown();
    assertTrue(first.await(Duration.ofSeconds(10)));
  }

  @Test
  void supersedePolicyCancelsTheRunningTask() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Task first = counter.tasks.start("search", TaskPolicy.SUPERSEDE, () -> {
      started.countDown();
      Statewire.sleep(Duration.ofSeconds(30));
    });
    assertTrue(started.await(10, TimeUnit.SECONDS));
    Task second = counter.tasks.start("search", TaskPolicy.SUPERSEDE, () -> { });
    assertTrue(first.await(Duration.ofSeconds(10)));
    assertEquals(TaskStatus.CANCELLED, first.status());
    assertTrue(second.await(Duration.ofSeconds(10)));
    assertEquals(TaskStatus.COMPLETED, second.status());
  }

  @Test
  void parallelPolicyRunsBoth() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    TaskBody body = () -> {
      bothRunning.countDown();
      bothRunning.await();
    };
    Task a = counter.tasks.start("work", TaskPolicy.PARALLEL, body);
    Task b = counter.tasks.start("work", TaskPolicy.PARALLEL, body);
    assertTrue(a.await(Duration.ofSeconds(10)) && b.await(Duration.ofSeconds(10)));
    assertEquals(TaskStatus.COMPLETED, a.status());
    assertEquals(TaskStatus.COMPLETED, b.status());
  }

  @Test
  void failureGoesToTheHandleAndTheErrorHandler() throws Exception {
    Task task = counter.tasks.start("fetch", TaskPolicy.PARALLEL, () -> {
      throw new java.io.IOException("offline");
    });
    assertTrue(task.await(Duration.ofSeconds(10)));
    assertEquals(TaskStatus.FAILED, task.status());
    assertEquals("offline", task.failure().getMessage());
    assertEquals(List.of("task 'fetch' of Counter: offline"), reported);
    // the executor still works
    Task next = counter.tasks.start("fetch", TaskPolicy.PARALLEL, () -> { });
    assertTrue(next.await(Duration.ofSeconds(10)));
    assertEquals(TaskStatus.COMPLETED, next.status());
  }

  @Test
  void anExceptionInsideALockBlockReleasesTheLock() throws Exception {
    Task task = counter.tasks.start("bad", TaskPolicy.PARALLEL, () -> {
      try (var self = Statewire.lock(counter)) {
        counter.count = 7;
        throw new IllegalStateException("inside");
      }
    });
    assertTrue(task.await(Duration.ofSeconds(10)));
    assertEquals(TaskStatus.FAILED, task.status());
    counter.add(1); // would hang if the lock were still held
    assertTrue(counter.count >= 1);
  }

  @Test
  void closeInterruptsASleepingTaskAndRefusesNewOnes() throws Exception {
    CountDownLatch sleeping = new CountDownLatch(1);
    Task task = counter.tasks.start("tick", TaskPolicy.PARALLEL, () -> {
      while (true) {
        sleeping.countDown();
        Statewire.sleep(Duration.ofSeconds(30));
      }
    });
    assertTrue(sleeping.await(10, TimeUnit.SECONDS));
    counter.close();
    assertEquals(TaskStatus.CANCELLED, task.status());
    assertTrue(counter.tasks.running().isEmpty());
    assertThrows(ClosedException.class,
        () -> counter.tasks.start("tick", TaskPolicy.PARALLEL, () -> { }));
  }

  @Test
  void completionStageReportsTheOutcome() throws Exception {
    Task task = counter.tasks.start("quick", TaskPolicy.PARALLEL, () -> { });
    assertEquals(null, task.completion().toCompletableFuture().get(10, TimeUnit.SECONDS));
  }
}
