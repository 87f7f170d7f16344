package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Effects on a real single-thread executor (a UI thread's stand-in) while several threads
 * write. Bounded by {@link #BOUND}; nothing is asserted on timing, only on what the effects saw.
 */
class EffectExecutorStressTest {
  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final long WAIT_SECONDS = 60;

  private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private final ExecutorService ui = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "ui-stand-in");
    thread.setDaemon(true);
    return thread;
  });
  private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "writer");
    thread.setDaemon(true);
    return thread;
  });

  @AfterEach
  void stop() {
    writers.shutdownNow();
    ui.shutdownNow();
  }

  private ReactiveContext context() {
    return ReactiveContext.builder()
        .name("ui-stress")
        .effectExecutor(ui)
        .lockHoldThreshold(Duration.ZERO) // a loaded machine may hold the lock long
        .errorHandler((source, error) -> failures.add(error))
        .build();
  }

  /** Waits until every task the executor got so far ran (it runs them in order). */
  private void awaitExecutor() throws Exception {
    ui.submit(() -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Four writers increment one counter 5,000 times each while two effects on the executor watch
   * it: each effect runs only on the executor's thread, never twice at once, sees increasing
   * values (it reads committed state, and runs are coalesced, never reordered), runs at most
   * once per commit, and its last run sees the final total. A batch writing two signals is
   * never seen half done.
   */
  @Test
  void effectsOnTheExecutorSeeIncreasingCommittedValuesAndTheFinalOne() {
    assertTimeoutPreemptively(BOUND, () -> {
      final int threads = 4;
      final int each = 5_000;
      try (ReactiveContext ctx = context()) {
        Signal<Integer> count = ctx.signal(0);
        Signal<Integer> a = ctx.signal(0);
        Signal<Integer> b = ctx.signal(0);
        List<Integer> firstSeen = new ArrayList<>(); // written only on the executor's thread
        List<Integer> secondSeen = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        ctx.effect(() -> {
          if (running.incrementAndGet() != 1 || !Thread.currentThread().getName().equals(
              "ui-stand-in")) {
            failures.add(new AssertionError("ran concurrently or off the executor"));
          }
          firstSeen.add(count.get());
          if (a.get() + b.get() != 0) {
            failures.add(new AssertionError("saw half a batch: a=" + a.get() + " b=" + b.get()));
          }
          running.decrementAndGet();
        });
        ctx.effect(() -> secondSeen.add(count.get()));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int sign = t % 2 == 0 ? 1 : -1;
          done.add(writers.submit(() -> {
            start.await();
            for (int i = 0; i < each; i++) {
              count.update(n -> n + 1);
              if (i % 10 == 0) {
                int k = i * sign;
                ctx.batch(() -> {
                  a.set(k);
                  b.set(-k);
                });
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        awaitExecutor(); // the last commit handed its task over before update() returned

        int total = threads * each;
        assertEquals(total, firstSeen.get(firstSeen.size() - 1), "the final value was seen");
        assertEquals(total, secondSeen.get(secondSeen.size() - 1), "the final value was seen");
        for (int i = 1; i < firstSeen.size(); i++) {
          assertTrue(firstSeen.get(i - 1) <= firstSeen.get(i), "out of order: " + firstSeen);
        }
        for (int i = 1; i < secondSeen.size(); i++) {
          assertTrue(secondSeen.get(i - 1) < secondSeen.get(i), "runs saw "
              + secondSeen.get(i - 1) + " then " + secondSeen.get(i)
              + ": a run without a change of count, or out of order");
        }
        assertTrue(secondSeen.size() <= total + 1, "at most one run per commit");
        assertEquals(List.of(), List.copyOf(failures));
      }
    });
  }

  /**
   * Writers keep writing while other threads close effects and finally the context: no effect
   * runs once its {@code close()} returned, and nothing fails.
   */
  @Test
  void noEffectRunsAfterItsCloseReturnedWhileWritersRace() {
    assertTimeoutPreemptively(BOUND, () -> {
      ReactiveContext ctx = context();
      Signal<Integer> count = ctx.signal(0);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger runsAfterClose = new AtomicInteger();
      Future<?> writer = writers.submit(() -> {
        while (!stop.get()) {
          count.update(n -> n + 1);
        }
        return null;
      });
      Future<?> closer = writers.submit(() -> {
        for (int i = 0; i < 2_000; i++) {
          AtomicBoolean closed = new AtomicBoolean();
          Effect effect = ctx.effect(() -> {
            count.get();
            if (closed.get()) {
              runsAfterClose.incrementAndGet();
            }
          });
          if (i % 3 != 0) {
            Thread.yield(); // let some of them run first
          }
          effect.close();
          closed.set(true);
        }
        return null;
      });
      closer.get(WAIT_SECONDS, TimeUnit.SECONDS);
      AtomicBoolean lastClosed = new AtomicBoolean();
      for (int i = 0; i < 50; i++) {
        ctx.effect(() -> {
          count.get();
          if (lastClosed.get()) {
            runsAfterClose.incrementAndGet();
          }
        });
      }
      ctx.close();
      lastClosed.set(true);
      stop.set(true);
      try {
        writer.get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException expected) {
        assertTrue(expected.getCause() instanceof ClosedException, expected.toString());
      }
      awaitExecutor();
      assertEquals(0, runsAfterClose.get());
      assertEquals(List.of(), List.copyOf(failures));
    });
  }
}
