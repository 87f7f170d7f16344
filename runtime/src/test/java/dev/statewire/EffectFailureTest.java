package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Failures of user code inside a session (effect bodies, cleanups, the computeds an effect
 * re-checks, the error handler itself) never corrupt the graph: every queued effect still runs,
 * nothing stays flagged, closed effects never run again, and a failed creation leaves nothing.
 */
class EffectFailureTest {
  private final List<Throwable> reported = new ArrayList<>();
  private final ReactiveContext ctx =
      ReactiveContext.builder().name("failures").errorHandler((s, e) -> reported.add(e))
          .lockHoldThreshold(Duration.ZERO) // a loaded machine may hold the lock long
          .build();

  /** Issue 14.4: the example; the StackOverflowError reaches the writer after the round. */
  @Test
  void aStackOverflowErrorInOneEffectDoesNotStopTheOthers() {
    Signal<Integer> s = ctx.signal(0);
    AtomicInteger seen = new AtomicInteger();
    ctx.effect(() -> {
      if (s.get() == 1) {
        throw new StackOverflowError();
      }
    });
    ctx.effect(() -> seen.set(s.get()));

    assertThrows(StackOverflowError.class, () -> s.set(1));
    assertEquals(1, seen.get(), "the second effect ran in the round the first one failed in");
    s.set(2);

    assertEquals(2, seen.get());
    assertEquals(List.of(), reported, "a fatal error goes to the caller, not to the handler");
  }

  /** Issue 14.4: other Errors are reported like exceptions; nothing reaches the writer. */
  @Test
  void anAssertionErrorInAnEffectOrACleanupIsReportedAndTheRoundGoesOn() {
    Signal<Integer> s = ctx.signal(0);
    AtomicInteger seen = new AtomicInteger();
    ctx.effect(cleanup -> {
      if (s.get() == 1) {
        throw new AssertionError("body");
      }
      cleanup.add(() -> {
        throw new AssertionError("cleanup");
      });
    });
    ctx.effect(() -> seen.set(s.get()));

    s.set(1);
    s.set(2);

    assertEquals(2, seen.get());
    assertEquals(List.of("cleanup", "body"), messages());
  }

  /** Issue 14.4: an Error thrown by a computed while an effect re-checks it. */
  @Test
  void anErrorFromAComputedAnEffectRechecksDoesNotWedgeTheQueue() {
    Signal<Integer> s = ctx.signal(0);
    Computed<Integer> c = ctx.computed(() -> {
      if (s.get() == 1) {
        throw new StackOverflowError();
      }
      return s.get() * 0;
    });
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> {
      try {
        c.get();
      } catch (StackOverflowError expected) {
        seen.add(-1);
      }
    });
    ctx.effect(() -> seen.add(s.get()));

    s.set(1);
    s.set(2);

    assertEquals(List.of(0, -1, 1, 2), seen);
  }

  /** Issue 14.4: an action joined in a failing round is committed in that round. */
  @Test
  void aParticipantJoinedInAFailingRoundIsFinishedInThatSession() {
    Signal<Integer> s = ctx.signal(0);
    List<String> finished = new ArrayList<>();
    Transactional participant = new Transactional() {
      @Override
      public void begin() {}

      @Override
      public void commit() {
        finished.add("commit");
      }

      @Override
      public void rollback() {
        finished.add("rollback");
      }
    };
    ctx.effect(() -> {
      if (s.get() == 1) {
        throw new StackOverflowError();
      }
    });
    ctx.effect(() -> {
      if (s.get() == 1) {
        ctx.join(participant);
      }
    });

    assertThrows(StackOverflowError.class, () -> s.set(1));

    assertEquals(List.of("commit"), finished);
  }

  /** Issue 14.5: a handler that throws an Error; the round goes on, nothing is tracked wrongly. */
  @Test
  void aThrowingErrorHandlerDoesNotBreakTheGraph() {
    AtomicReference<Signal<Integer>> handlerReads = new AtomicReference<>();
    AtomicInteger handled = new AtomicInteger();
    ReactiveContext failing = ReactiveContext.builder()
        .lockHoldThreshold(Duration.ZERO) // logging the handler's failure under load took 122 ms
        .errorHandler((source, error) -> {
          handled.incrementAndGet();
          handlerReads.get().get();
          throw new AssertionError("the handler fails");
        }).build();
    Signal<Integer> a = failing.signal(0);
    Signal<Integer> read = failing.signal(0);
    handlerReads.set(read);
    AtomicInteger fragileRuns = new AtomicInteger();
    Effect fragile = failing.effect(() -> {
      fragileRuns.incrementAndGet();
      if (a.get() == 1) {
        throw new IllegalStateException("effect");
      }
    });
    AtomicInteger seen = new AtomicInteger();
    failing.effect(() -> seen.set(a.get()));

    a.set(1);
    failing.batch(() -> read.set(1)); // not a dependency of the dead effect
    a.set(2);

    assertEquals(2, seen.get());
    assertEquals(1, handled.get());
    assertEquals(3, fragileRuns.get(), "runs at 0, 1 and 2; the handler's read is no dependency");
    fragile.close();
  }

  /** Issue 14.5: a failed task's completion completes although the handler throws. */
  @Test
  void aFailedTaskCompletesAlthoughTheErrorHandlerThrows() throws Exception {
    ReactiveContext failing = ReactiveContext.builder()
        .errorHandler((source, error) -> {
          throw new AssertionError("the handler fails");
        })
        .executor(Runnable::run)
        .build();
    BackgroundTasks tasks = new BackgroundTasks(failing, "owner");
    Task task = tasks.start("boom", TaskPolicy.PARALLEL, () -> {
      throw new IllegalStateException("task");
    });

    assertTrue(task.await(java.time.Duration.ofSeconds(30)));
    assertInstanceOf(IllegalStateException.class, task.failure());
    assertTrue(task.completion().toCompletableFuture().isCompletedExceptionally());
  }

  /** Issue 14.7: a creation that hits the runaway bound leaves nothing subscribed. */
  @Test
  void anEffectWhoseFirstRunRunsAwayLeavesNothingBehind() {
    ReactiveContext small = ReactiveContext.builder().maxEffectRounds(5).build();
    Signal<Integer> s = small.signal(0);
    AtomicInteger runs = new AtomicInteger();
    assertThrows(RunawayEffectsException.class, () -> small.effect(() -> {
      runs.incrementAndGet();
      s.set(s.get() + 1);
    }));
    int runsAtFailure = runs.get();

    s.set(-100);

    assertEquals(runsAtFailure, runs.get(), "the failed effect ran again");
    assertNull(s.subs, "the failed effect is still subscribed");
  }

  /** Issue 14.8: a computed the effect reads closes it while its run is being checked. */
  @Test
  void anEffectClosedWhileItsRunIsCheckedDoesNotRun() {
    Signal<Integer> s = ctx.signal(0);
    AtomicReference<Effect> effect = new AtomicReference<>();
    Computed<Integer> closer = ctx.computed(() -> {
      if (s.get() == 1) {
        effect.get().close();
      }
      return s.get();
    });
    AtomicInteger runs = new AtomicInteger();
    effect.set(ctx.effect(() -> {
      runs.incrementAndGet();
      closer.get();
    }));

    s.set(1);

    assertEquals(1, runs.get(), "the closed effect ran");
    assertTrue(effect.get().isClosed());
  }

  /** Issue 14.8: its own cleanup closes it. */
  @Test
  void anEffectClosedByItsOwnCleanupDoesNotRun() {
    Signal<Integer> s = ctx.signal(0);
    AtomicReference<Effect> effect = new AtomicReference<>();
    AtomicInteger runs = new AtomicInteger();
    effect.set(ctx.effect(cleanup -> {
      runs.incrementAndGet();
      s.get();
      cleanup.add(() -> effect.get().close());
    }));

    s.set(1);
    s.set(2);

    assertEquals(1, runs.get(), "the closed effect ran");
    assertNull(s.subs);
  }

  /** Issue 14.8: a closed effect drops its body, so what the body captured is collectable. */
  @Test
  void aClosedEffectKeepsNothingItsBodyCapturedReachable() throws InterruptedException {
    Signal<Object> s = ctx.signal(null);
    Object captured = new Object();
    WeakReference<Object> ref = new WeakReference<>(captured);
    Effect effect = effectCapturing(s, captured);
    captured = null;

    effect.close();

    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(ref.get(), "the closed effect still holds what its body captured");
    assertTrue(effect.isClosed()); // the effect itself stays reachable throughout
  }

  private Effect effectCapturing(Signal<Object> s, Object captured) {
    return ctx.effect(cleanup -> {
      s.get();
      cleanup.add(captured::hashCode);
    });
  }

  private List<String> messages() {
    List<String> messages = new ArrayList<>();
    for (Throwable t : reported) {
      messages.add(t.getMessage());
    }
    return messages;
  }
}
