package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link ReactiveContext#close()} disposes what an isolated context owns: effects, resources,
 * tasks and the executor it created, whose threads are named daemon threads that end.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class ContextCloseTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @Test
  void closeDisposesEffectsResourcesAndTasks() throws Exception {
    ReactiveContext ctx = ReactiveContext.builder().name("session-1").build();
    Signal<Integer> count = ctx.signal(1).named("count");
    AtomicInteger cleanups = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    Effect effect = ctx.effect(cleanup -> {
      runs.incrementAndGet();
      count.get();
      cleanup.add(cleanups::incrementAndGet);
    });
    AtomicInteger loadsCancelled = new AtomicInteger();
    CountDownLatch loading = new CountDownLatch(1);
    Resource<Integer, String> resource = Resource.of(ctx, count::get, p -> {
      p.cancellation().onCancel(loadsCancelled::incrementAndGet);
      loading.countDown();
      return new CompletableFuture<>();
    });
    Counter counter = new Counter(ctx);
    CountDownLatch ticking = new CountDownLatch(1);
    Task task = counter.tasks.start("tick", TaskPolicy.PARALLEL, () -> {
      while (true) {
        try (var self = Statewire.lock(counter)) {
          counter.count++;
        }
        ticking.countDown();
      }
    });
    assertTrue(ticking.await(30, TimeUnit.SECONDS));
    assertTrue(loading.await(30, TimeUnit.SECONDS));

    ctx.close();

    assertTrue(ctx.isClosed());
    assertTrue(effect.isClosed());
    assertEquals(1, cleanups.get());
    assertTrue(resource.isClosed());
    assertEquals(ResourceStatus.IDLE, resource.status());
    awaitUntil("the load is cancelled", () -> loadsCancelled.get() == 1);
    assertTrue(task.await(LIMIT));
    assertEquals(TaskStatus.CANCELLED, task.status(), () -> String.valueOf(task.failure()));
    assertTrue(counter.tasks.running().isEmpty());

    assertEquals(1, count.get(), "reads still work");
    int committed = counter.countSignal.get();
    assertClosed(() -> count.set(2), "writing Signal 'count'");
    assertClosed(() -> ctx.effect(() -> { }), "creating an effect");
    assertEquals(2, ctx.computed(() -> count.get() * 2).get(), "new computeds read too");
    assertClosed(() -> counter.add(1), "an action or lock block");
    assertClosed(() -> Statewire.lock(counter, () -> counter.count++), "an action or lock block");
    assertClosed(() -> counter.tasks.start("tick", TaskPolicy.PARALLEL, () -> { }),
        "starting task 'tick' of Counter");
    assertThrows(RejectedExecutionException.class, () -> ctx.executor().execute(() -> { }));
    assertEquals(1, runs.get());
    assertEquals(committed, counter.countSignal.get());

    ctx.close(); // idempotent
    resource.close();
    effect.close();
    counter.close();
    assertEquals(1, cleanups.get());
  }

  @Test
  void theGlobalContextCannotBeClosed() {
    UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
        () -> ReactiveContext.global().close());
    assertTrue(thrown.getMessage().contains("ReactiveContext.create()"), thrown.getMessage());
    assertFalse(ReactiveContext.global().isClosed());
  }

  @Test
  void closeInsideItsOwnBatchFails() {
    ReactiveContext ctx = ReactiveContext.create();
    Signal<Integer> s = ctx.signal(0);
    assertThrows(IllegalStateException.class, () -> ctx.batch(ctx::close));
    s.set(1);
    assertEquals(1, s.get());
    ctx.close();
  }

  /** Per-session contexts on Java 17 each had a pool whose idle threads lived on for 60 s. */
  @Test
  void closedContextsLeaveNoThreads() throws Exception {
    List<ExecutorService> pools = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ReactiveContext ctx = ReactiveContext.builder().name("closing-" + i).build();
      CompletableFuture<Void> ran = new CompletableFuture<>();
      ctx.executor().execute(() -> ran.complete(null));
      ran.get(30, TimeUnit.SECONDS);
      pools.add((ExecutorService) ctx.executor());
      ctx.close();
    }
    for (ExecutorService pool : pools) {
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "a pool did not terminate");
    }
    awaitUntil("no thread of a closed context is alive", () -> Thread.getAllStackTraces()
        .keySet().stream().noneMatch(t -> t.getName().startsWith("statewire-closing-")));
  }

  @Test
  void defaultThreadsAreNamedDaemons() throws Exception {
    ReactiveContext ctx = ReactiveContext.builder().name("names").build();
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    ctx.executor().execute(() -> thread.complete(Thread.currentThread()));
    Thread t = thread.get(30, TimeUnit.SECONDS);
    assertTrue(t.getName().matches("statewire-names-\\d+"), t.getName());
    assertTrue(t.isDaemon());
    ctx.close();
  }

  /**
   * A launcher that interrupts and joins the threads left at exit (Maven's exec:java) waited
   * 15 s for an idle {@code statewire-global-1}: an interrupted idle thread must end.
   */
  @Test
  void anIdleDefaultThreadEndsWhenInterrupted() throws Exception {
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    ReactiveContext.global().executor().execute(() -> thread.complete(Thread.currentThread()));
    Thread t = thread.get(30, TimeUnit.SECONDS);
    awaitUntil("the thread is idle", () -> t.getState() != Thread.State.RUNNABLE);
    t.interrupt();
    t.join(LIMIT.toMillis());
    assertFalse(t.isAlive(), t + " ignored the interrupt");
  }

  private static void assertClosed(Executable use, String operation) {
    ClosedException thrown = assertThrows(ClosedException.class, use);
    assertTrue(thrown.getMessage().contains(" is closed, so " + operation), thrown.getMessage());
  }

  private static void awaitUntil(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(5);
    }
  }
}
