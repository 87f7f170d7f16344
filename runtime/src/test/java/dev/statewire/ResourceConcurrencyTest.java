package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resources under real threads: loaders on the executor, completions from anywhere. */
class ResourceConcurrencyTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final ConcurrentLinkedQueue<Throwable> reported = new ConcurrentLinkedQueue<>();
  private final ReactiveContext ctx =
      ReactiveContext.builder()
          .name("resource-threads")
          .executor(pool)
          .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
          .errorHandler((source, error) -> reported.add(error))
          .build();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private static void awaitStatus(Resource<?, ?> r, ResourceStatus status) {
    while (r.status() != status) {
      Thread.onSpinWait();
    }
  }

  @Test
  void theLoaderRunsOnTheExecutorWithoutTheLock() {
    Thread testThread = Thread.currentThread();
    AtomicReference<Thread> loaderThread = new AtomicReference<>();
    AtomicBoolean heldLock = new AtomicBoolean(true);
    Resource<Integer, Integer> r =
        Resource.of(
            ctx,
            () -> 21,
            request -> {
              loaderThread.set(Thread.currentThread());
              heldLock.set(ctx.isHeldByCurrentThread());
              return CompletableFuture.completedFuture(request.params() * 2);
            });
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> awaitStatus(r, ResourceStatus.RESOLVED));
    assertEquals(42, r.value());
    assertFalse(loaderThread.get() == testThread);
    assertFalse(heldLock.get());
  }

  @Test
  void aCompletionOnAnotherThreadWaitsForTheLockAndRunsEffectsThere() throws Exception {
    CompletableFuture<String> future = new CompletableFuture<>();
    Resource<Integer, String> r = Resource.of(ctx, () -> 1, request -> future);
    AtomicReference<Thread> effectThread = new AtomicReference<>();
    ctx.effect(
        () -> {
          if (r.status() == ResourceStatus.RESOLVED) {
            effectThread.set(Thread.currentThread());
          }
        });
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          // the loader runs on the executor: wait until the resource subscribed to the future,
          // so that completing it runs the commit on the completing thread
          while (future.getNumberOfDependents() == 0) {
            Thread.onSpinWait();
          }
        });
    assertEquals(ResourceStatus.LOADING, r.status());
    Thread completer = new Thread(() -> future.complete("done"), "completer");
    try (LockGuard guard = ctx.enter()) {
      completer.start();
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            while (completer.getState() != Thread.State.WAITING) {
              Thread.onSpinWait();
            }
          });
      assertEquals(ResourceStatus.LOADING, r.status());
    }
    completer.join(10_000);
    assertEquals("done", r.value());
    assertEquals(completer, effectThread.get());
  }

  @Test
  void aCompletionInsideAnotherContextIsCommittedFromTheExecutor() {
    CompletableFuture<String> future = new CompletableFuture<>();
    Resource<Integer, String> r = Resource.of(ctx, () -> 1, request -> future);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          while (future.getNumberOfDependents() == 0) { // the resource subscribed to it
            Thread.onSpinWait();
          }
        });
    ReactiveContext other = ReactiveContext.builder().name("other").build();
    other.batch(() -> future.complete("from another context"));
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> awaitStatus(r, ResourceStatus.RESOLVED));
    assertEquals("from another context", r.value());
  }

  @Test
  void snapshotsReadFromOtherThreadsAreNeverTorn() throws Exception {
    Signal<Integer> id = ctx.signal(0);
    // Resolved values are "r<id>", local ones "l<n>": a snapshot must never pair them wrongly.
    Resource<Integer, String> r =
        Resource.of(ctx, id::get, request -> CompletableFuture.completedFuture("r" + request.params()));
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                ResourceSnapshot<String> s = r.snapshot();
                String v = s.hasValue() ? s.value() : "";
                if ((s.status() == ResourceStatus.LOCAL && !v.startsWith("l"))
                    || (s.status() == ResourceStatus.RESOLVED && !v.startsWith("r"))) {
                  torn.add(s.toString());
                }
              }
            });
    reader.start();
    for (int i = 1; i <= 2_000; i++) {
      if (i % 2 == 0) {
        r.set("l" + i);
      } else {
        id.set(i);
      }
    }
    done.set(true);
    reader.join(10_000);
    assertEquals(List.of(), List.copyOf(torn));
  }

  /**
   * Eight threads change the params as fast as they can while every load sleeps a random time
   * and ignores its cancellation. Whenever an effect sees RESOLVED, the value belongs to the
   * params of that moment; at the end the resource resolves to the last params.
   */
  @Test
  void manyConcurrentParamsChangesEndWithTheLastParams() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          Signal<Integer> id = ctx.signal(0);
          Resource<Integer, String> r =
              Resource.of(
                  ctx,
                  id::get,
                  request ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            sleepIgnoringInterrupts(ThreadLocalRandom.current().nextInt(3));
                            return "v" + request.params();
                          },
                          pool));
          ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
          ctx.effect(
              () -> {
                ResourceSnapshot<String> s = r.snapshot();
                Integer params = id.peek();
                if (s.status() == ResourceStatus.RESOLVED && !s.value().equals("v" + params)) {
                  violations.add(s + " while params were " + params);
                }
              });
          int threads = 8;
          CountDownLatch start = new CountDownLatch(1);
          Thread[] writers = new Thread[threads];
          for (int t = 0; t < threads; t++) {
            int offset = t;
            writers[t] =
                new Thread(
                    () -> {
                      awaitQuietly(start);
                      for (int i = 0; i < 500; i++) {
                        id.set(offset * 1_000 + i);
                        if (i % 50 == 0) {
                          sleepIgnoringInterrupts(1);
                        }
                      }
                    });
            writers[t].start();
          }
          start.countDown();
          for (Thread w : writers) {
            w.join();
          }
          awaitStatus(r, ResourceStatus.RESOLVED);
          assertEquals("v" + id.peek(), r.value());
          assertEquals(List.of(), List.copyOf(violations));
          assertTrue(reported.isEmpty(), () -> reported.toString());
        });
  }

  private static void sleepIgnoringInterrupts(int millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException ignored) {
      // this loader deliberately ignores cancellation
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
