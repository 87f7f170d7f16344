package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ContextTest {
  @Test
  void nodesBelongToTheCurrentContext() {
    ReactiveContext ctx = ReactiveContext.builder().name("session").build();
    assertSame(ReactiveContext.global(), ReactiveContext.current());
    assertSame(ReactiveContext.global(), Signal.of(1).context());
    AtomicReference<ReactiveContext> inside = new AtomicReference<>();
    ctx.batch(() -> inside.set(Signal.of(1).context()));
    assertSame(ctx, inside.get());
    assertEquals("session", ctx.name());
  }

  @Test
  void crossingContextsFails() {
    ReactiveContext a = ReactiveContext.builder().name("a").build();
    ReactiveContext b = ReactiveContext.builder().name("b").build();
    Signal<Integer> inB = b.signal(1).named("count");
    ContextMismatchException e = assertThrows(ContextMismatchException.class,
        () -> a.computed(inB::get).get());
    assertTrue(e.getMessage().contains("Signal 'count' of ReactiveContext 'b'"), e.getMessage());
    assertTrue(e.getMessage().contains("inside ReactiveContext 'a'"), e.getMessage());
    assertThrows(ContextMismatchException.class, () -> a.batch(() -> inB.set(2)));
    assertEquals(1, inB.peek());
  }

  @Test
  void aThreadThatReleasedOneContextUsesAnotherAndIsCheckedAgainstIt() {
    ReactiveContext a = ReactiveContext.builder().name("a").build();
    ReactiveContext b = ReactiveContext.builder().name("b").build();
    Signal<Integer> inA = a.signal(1).named("inA");
    Signal<Integer> inB = b.signal(1).named("inB");
    for (int round = 0; round < 3; round++) {
      a.batch(() -> inA.set(inA.peek() + 1));
      b.batch(() -> inB.set(inB.peek() + 1));
    }
    assertEquals(4, inA.peek());
    assertEquals(4, inB.peek());
    ContextMismatchException e =
        assertThrows(ContextMismatchException.class, () -> b.batch(() -> inA.set(0)));
    assertTrue(e.getMessage().contains("inside ReactiveContext 'b'"), e.getMessage());
    e = assertThrows(ContextMismatchException.class, () -> a.batch(() -> inB.set(0)));
    assertTrue(e.getMessage().contains("inside ReactiveContext 'a'"), e.getMessage());
    assertEquals(4, inA.peek());
    assertEquals(4, inB.peek());
  }

  @Test
  void isolatedContextsDoNotBlockEachOther() throws Exception {
    ReactiveContext a = ReactiveContext.create();
    ReactiveContext b = ReactiveContext.create();
    Signal<Integer> inB = b.signal(0);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> a.batch(() -> {
      holding.countDown();
      await(release);
    }));
    holder.start();
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    inB.set(5); // would hang if contexts shared a lock
    assertEquals(5, inB.get());
    release.countDown();
    holder.join(10_000);
  }

  @Test
  void readersWaitForAWriterAndNeverSeeHalfABatch() throws Exception {
    ReactiveContext ctx = ReactiveContext.create();
    Signal<Integer> a = ctx.signal(0);
    Signal<Integer> b = ctx.signal(0);
    CountDownLatch firstWritten = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    Thread writer = new Thread(() -> ctx.batch(() -> {
      a.set(1);
      firstWritten.countDown();
      await(proceed);
      b.set(1);
    }));
    writer.start();
    assertTrue(firstWritten.await(10, TimeUnit.SECONDS));
    AtomicReference<Integer> read = new AtomicReference<>();
    Thread reader = new Thread(() -> read.set(a.get()));
    reader.start();
    reader.join(200);
    assertNull(read.get(), "the reader waits while the batch is open");
    proceed.countDown();
    reader.join(10_000);
    writer.join(10_000);
    assertEquals(1, read.get());
  }

  @Test
  void concurrentUpdatesLoseNothing() throws Exception {
    ReactiveContext ctx = ReactiveContext.create();
    Signal<Integer> counter = ctx.signal(0);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          counter.update(n -> n + 1);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(60_000);
    }
    assertEquals(80_000, counter.get());
  }

  @Test
  void participantsCommitOnceAtTheOutermostExitBeforeEffects() {
    ReactiveContext ctx = ReactiveContext.create();
    Signal<Integer> published = ctx.signal(0);
    int[] plain = {0};
    List<String> log = new ArrayList<>();
    Transactional participant = new Transactional() {
      @Override
      public void commit() {
        log.add("commit " + plain[0]);
        published.set(plain[0]);
      }

      @Override
      public void rollback() {
        log.add("rollback");
        plain[0] = published.peek();
      }
    };
    ctx.effect(() -> log.add("effect " + published.get()));
    try (LockGuard outer = ctx.enter()) {
      ctx.join(participant);
      plain[0] = 1;
      try (LockGuard inner = ctx.enter()) {
        ctx.join(participant);
        plain[0] = 2;
        assertTrue(!inner.isOutermost());
      }
      assertTrue(outer.isOutermost());
      assertEquals(List.of("effect 0"), log, "nothing committed before the outermost exit");
    }
    assertEquals(List.of("effect 0", "commit 2", "effect 2"), log);
  }

  @Test
  void aFailedSessionRollsBackAndPublishesNothing() {
    ReactiveContext ctx = ReactiveContext.create();
    Signal<Integer> published = ctx.signal(0);
    int[] plain = {0};
    Transactional participant = new Transactional() {
      @Override
      public void commit() {
        published.set(plain[0]);
      }

      @Override
      public void rollback() {
        plain[0] = published.peek();
      }
    };
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(published.get()));
    try (LockGuard guard = ctx.enter()) {
      ctx.join(participant);
      plain[0] = 7;
      guard.markFailed();
    }
    assertEquals(0, plain[0]);
    assertEquals(List.of(0), seen);
    assertThrows(IllegalStateException.class, () -> ctx.join(participant));
  }

  @Test
  void commitWritesArePublishedOnlyIfEveryParticipantCommits() {
    ReactiveContext ctx = ReactiveContext.create();
    Signal<Integer> a = ctx.signal(0);
    Signal<Integer> b = ctx.signal(0);
    List<String> log = new ArrayList<>();
    Transactional first = participant(ctx, a, 1, log, null);
    Transactional failing = participant(ctx, b, 2, log, new IllegalStateException("equals"));
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.get() + b.get()));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
      try (LockGuard guard = ctx.enter()) {
        ctx.join(first);
        ctx.join(failing);
      }
    });

    assertEquals("equals", thrown.getMessage());
    assertEquals(0, a.peek());
    assertEquals(0, b.peek());
    assertEquals(List.of(0), seen);
    assertEquals(List.of("rollback", "rollback"), log);
    assertThrows(IllegalStateException.class, () -> ctx.commitWrite(a, 3));
  }

  @Test
  void markChangedRunsWhatReadTheSignalAgain() {
    ReactiveContext ctx = ReactiveContext.create();
    List<Integer> items = new ArrayList<>();
    Signal<List<Integer>> list = ctx.signal(items);
    Computed<Integer> size = ctx.computed(() -> list.get().size());
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(size.get()));

    items.add(1);
    list.markChanged();

    assertEquals(List.of(0, 1), seen);
  }

  private static Transactional participant(
      ReactiveContext ctx, Signal<Integer> signal, int value, List<String> log,
      RuntimeException commitFailure) {
    return new Transactional() {
      @Override
      public void commit() {
        ctx.commitWrite(signal, value);
        if (commitFailure != null) {
          throw commitFailure;
        }
      }

      @Override
      public void rollback() {
        log.add("rollback");
      }
    };
  }

  @Test
  void tryEnterTimesOut() throws Exception {
    ReactiveContext ctx = ReactiveContext.create();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> ctx.batch(() -> {
      holding.countDown();
      await(release);
    }));
    holder.start();
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    assertNull(ctx.tryEnter(Duration.ofMillis(20)));
    release.countDown();
    holder.join(10_000);
    try (LockGuard guard = ctx.tryEnter(Duration.ofSeconds(10))) {
      assertTrue(guard.isOutermost());
    }
  }

  @Test
  void executorRunsTasks() throws Exception {
    ReactiveContext ctx = ReactiveContext.create();
    CountDownLatch ran = new CountDownLatch(1);
    ctx.executor().execute(ran::countDown);
    assertTrue(ran.await(10, TimeUnit.SECONDS));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
