package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads writing, batching, reading and running effects on one context at once, and
 * several contexts in parallel. Every test is bounded by {@link #BOUND}: a deadlock fails it
 * instead of hanging the build. Nothing here asserts on timing; each property is checked by
 * exact counts, invariants and completion.
 */
class ConcurrencyStressTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final long WAIT_SECONDS = 45;

  private ExecutorService pool;
  private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void startPool() {
    pool = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "stress");
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /**
   * Ten threads on one context: four increment two shared counters with {@code update}, two run
   * batches that keep {@code a + b == 0}, three read computeds of (a, b) and of the counters
   * without the lock, one creates and closes effects. Two long-lived effects observe everything;
   * one of them writes (mirrors the total into another signal).
   */
  @Test
  void updatesBatchesReadsAndEffectsFromManyThreadsKeepEveryInvariant() {
    assertTimeoutPreemptively(BOUND, this::sharedContextStress);
  }

  private void sharedContextStress() throws Exception {
    final int incrementers = 4;
    final int incrementsEach = 20_000;
    final int batchers = 2;
    final int batchesEach = 5_000;
    final int readers = 3;

    ReactiveContext context = ReactiveContext.builder()
        .name("stress")
        .lockHoldThreshold(Duration.ZERO) // a loaded machine may hold the lock long
        .errorHandler((source, error) -> failures.add(error))
        .build();
    List<Signal<Integer>> counters = List.of(context.signal(0).named("counter0"),
        context.signal(0).named("counter1"));
    Signal<Integer> a = context.signal(0).named("a");
    Signal<Integer> b = context.signal(0).named("b");
    Signal<Integer> batchCount = context.signal(0).named("batchCount");
    Signal<Integer> mirror = context.signal(0).named("mirror");
    Computed<Integer> total = context.computed(() -> counters.get(0).get() + counters.get(1).get());
    Computed<int[]> pair = context.computed(() -> new int[] {a.get(), b.get()});
    Computed<Integer> sum = context.computed(() -> a.get() + b.get());
    Computed<Integer> unwatchedSum = context.computed(() -> b.get() + a.get());

    AtomicReference<int[]> lastSeen = new AtomicReference<>();
    AtomicInteger observerRuns = new AtomicInteger();
    Effect observer = context.effect(() -> {
      int[] ab = pair.get();
      int s = sum.get();
      if (ab[0] + ab[1] != 0 || s != 0) {
        failures.add(new AssertionError("effect saw a=" + ab[0] + " b=" + ab[1] + " sum=" + s));
      }
      lastSeen.set(new int[] {total.get(), ab[0], ab[1], batchCount.get()});
      observerRuns.incrementAndGet();
    });
    Effect mirroring = context.effect(() -> mirror.set(total.get()));

    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writersDone = new AtomicBoolean();
    List<Future<?>> writers = new ArrayList<>();
    List<Future<?>> others = new ArrayList<>();

    for (int t = 0; t < incrementers; t++) {
      Signal<Integer> counter = counters.get(t % 2);
      writers.add(submit(start, () -> {
        for (int i = 0; i < incrementsEach; i++) {
          counter.update(n -> n + 1);
        }
      }));
    }
    for (int t = 0; t < batchers; t++) {
      writers.add(submit(start, () -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < batchesEach; i++) {
          int k = random.nextInt(-1000, 1000);
          context.batch(() -> {
            a.set(k);
            // read-your-writes caches a half-written state inside the batch; other threads
            // must never see it
            pair.get();
            sum.get();
            unwatchedSum.get();
            b.set(-k);
            a.update(x -> x + 3);
            b.update(x -> x - 3);
            batchCount.update(n -> n + 1);
          });
        }
      }));
    }
    for (int t = 0; t < readers; t++) {
      others.add(submit(start, () -> {
        int lastTotal = 0;
        int lastCount = 0;
        while (!writersDone.get()) {
          int s = sum.get();
          int u = unwatchedSum.get();
          int[] ab = pair.get();
          if (s != 0 || u != 0 || ab[0] + ab[1] != 0) {
            failures.add(new AssertionError(
                "torn read: sum=" + s + " unwatched=" + u + " pair=" + ab[0] + "," + ab[1]));
          }
          int now = total.get();
          int count = batchCount.get();
          if (now < lastTotal || count < lastCount) {
            failures.add(new AssertionError("went back in time: total " + lastTotal + " -> " + now
                + ", batches " + lastCount + " -> " + count));
          }
          lastTotal = now;
          lastCount = count;
        }
      }));
    }
    others.add(submit(start, () -> {
      while (!writersDone.get()) {
        Computed<Integer> fresh = context.computed(() -> pair.get()[0] + pair.get()[1]);
        Effect shortLived = context.effect(() -> {
          if (fresh.get() != 0) {
            failures.add(new AssertionError("short-lived effect saw sum " + fresh.get()));
          }
        });
        shortLived.close();
      }
    }));

    start.countDown();
    for (Future<?> writer : writers) {
      writer.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    writersDone.set(true);
    for (Future<?> other : others) {
      other.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    int expectedTotal = incrementers * incrementsEach;
    assertEquals(expectedTotal / 2, counters.get(0).get(), "lost update on counter0");
    assertEquals(expectedTotal / 2, counters.get(1).get(), "lost update on counter1");
    assertEquals(expectedTotal, total.get());
    assertEquals(batchers * batchesEach, batchCount.get(), "lost batch");
    assertEquals(0, a.get() + b.get());
    assertEquals(expectedTotal, mirror.get(), "the mirroring effect missed the final state");
    assertArrayEquals(new int[] {expectedTotal, a.get(), b.get(), batchCount.get()}, lastSeen.get(),
        "the observing effect missed the final state");
    assertTrue(observerRuns.get() > 1);
    assertNoFailures();
    observer.close();
    mirroring.close();
  }

  /**
   * While one thread holds context A's lock, eight threads write, batch and read in context B
   * and finish; reading A's signal inside B fails at once instead of waiting for A's lock.
   */
  @Test
  void aContextHeldByOneThreadDoesNotStopAnotherContext() {
    assertTimeoutPreemptively(BOUND, this::isolationWhileHeld);
  }

  private void isolationWhileHeld() throws Exception {
    ReactiveContext contextA = ReactiveContext.builder().name("A")
        .lockHoldThreshold(Duration.ZERO).errorHandler((s, e) -> failures.add(e)).build();
    ReactiveContext contextB = ReactiveContext.builder().name("B")
        .lockHoldThreshold(Duration.ZERO) // a loaded machine may hold the lock long
        .errorHandler((s, e) -> failures.add(e)).build();
    Signal<Integer> inA = contextA.signal(0).named("inA");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = pool.submit(() -> {
      try (LockGuard guard = contextA.enter()) {
        inA.set(1);
        held.countDown();
        release.await();
      }
      return null;
    });
    assertTrue(held.await(WAIT_SECONDS, TimeUnit.SECONDS));

    final int threads = 8;
    final int iterations = 2_000;
    Signal<Integer> counter = contextB.signal(0);
    Computed<Integer> doubled = contextB.computed(() -> counter.get() * 2);
    AtomicInteger effectRuns = new AtomicInteger();
    Effect watcher = contextB.effect(() -> {
      doubled.get();
      effectRuns.incrementAndGet();
    });
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean crossing = t == 0;
      workers.add(submit(start, () -> {
        for (int i = 0; i < iterations; i++) {
          if (i % 2 == 0) {
            counter.update(n -> n + 1);
          } else {
            contextB.batch(() -> {
              counter.update(n -> n + 1);
              if (crossing) {
                assertThrows(ContextMismatchException.class, inA::get);
              }
            });
          }
          if (doubled.get() % 2 != 0) {
            failures.add(new AssertionError("odd double"));
          }
        }
      }));
    }
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    assertFalse(holder.isDone(), "context A must still be held while B's work completed");
    assertEquals(threads * iterations, counter.get());
    assertEquals(threads * iterations * 2, doubled.get());
    Future<LockGuard> tryA = pool.submit(() -> contextA.tryEnter(Duration.ofMillis(20)));
    assertNull(tryA.get(WAIT_SECONDS, TimeUnit.SECONDS), "context A was not held after all");

    release.countDown();
    holder.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(1, inA.get());
    assertTrue(effectRuns.get() > 1);
    watcher.close();
    assertNoFailures();
  }

  /** Two contexts under load at once keep their own exact totals and effects. */
  @Test
  void twoContextsUnderLoadInParallelKeepTheirOwnTotals() {
    assertTimeoutPreemptively(BOUND, () -> {
      final int threadsPerContext = 4;
      final int iterations = 10_000;
      List<ReactiveContext> contexts = List.of(
          ReactiveContext.builder().name("left").lockHoldThreshold(Duration.ZERO).errorHandler((s, e) -> failures.add(e)).build(),
          ReactiveContext.builder().name("right").lockHoldThreshold(Duration.ZERO).errorHandler((s, e) -> failures.add(e)).build());
      List<Signal<Integer>> counters = new ArrayList<>();
      List<AtomicReference<Integer>> seenByEffect = new ArrayList<>();
      List<Effect> effects = new ArrayList<>();
      for (ReactiveContext context : contexts) {
        Signal<Integer> counter = context.signal(0);
        Computed<Integer> negated = context.computed(() -> -counter.get());
        AtomicReference<Integer> seen = new AtomicReference<>();
        effects.add(context.effect(() -> seen.set(-negated.get())));
        counters.add(counter);
        seenByEffect.add(seen);
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 2 * threadsPerContext; t++) {
        Signal<Integer> counter = counters.get(t % 2);
        workers.add(submit(start, () -> {
          for (int i = 0; i < iterations; i++) {
            counter.update(n -> n + 1);
          }
        }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
      for (int c = 0; c < 2; c++) {
        assertEquals(threadsPerContext * iterations, counters.get(c).get());
        assertEquals(threadsPerContext * iterations, seenByEffect.get(c).get());
        effects.get(c).close();
      }
      assertNoFailures();
    });
  }

  /**
   * A tracked read or a write across contexts fails with ContextMismatchException naming the
   * node; the other context is unaffected.
   */
  @Test
  void crossingContextsFailsWithContextMismatch() {
    ReactiveContext home = ReactiveContext.builder().name("home").build();
    ReactiveContext away = ReactiveContext.builder().name("away").lockHoldThreshold(Duration.ZERO)
        .errorHandler((s, e) -> failures.add(e)).build();
    Signal<Integer> alpha = home.signal(1).named("alpha");

    Computed<Integer> crossing = away.computed(() -> alpha.get() + 1);
    ContextMismatchException read = assertThrows(ContextMismatchException.class, crossing::get);
    assertTrue(read.getMessage().contains("alpha"), read.getMessage());

    AtomicReference<Throwable> caughtInEffect = new AtomicReference<>();
    Effect effect = away.effect(() -> {
      try {
        alpha.get();
      } catch (ContextMismatchException e) {
        caughtInEffect.set(e);
      }
    });
    assertTrue(caughtInEffect.get() instanceof ContextMismatchException);

    assertThrows(ContextMismatchException.class, () -> away.batch(() -> alpha.set(2)));
    assertEquals(1, alpha.get());
    alpha.set(3);
    assertEquals(3, alpha.get());
    effect.close();
    assertNoFailures();
  }

  private Future<?> submit(CountDownLatch start, ThrowingRunnable body) {
    Callable<Void> task = () -> {
      if (!start.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("start signal never came");
      }
      try {
        body.run();
      } catch (Exception | Error e) {
        failures.add(e);
        throw e;
      }
      return null;
    };
    return pool.submit(task);
  }

  private void assertNoFailures() {
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError(failures.size() + " failures, first: " + failures.peek());
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
