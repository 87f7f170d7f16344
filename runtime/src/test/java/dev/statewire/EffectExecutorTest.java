package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Effects on an executor, driven step by step through a {@link ManualExecutor}. */
class EffectExecutorTest {
  private final ManualExecutor ui = new ManualExecutor();
  private final List<String> errors = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();
  private final ReactiveContext ctx = ReactiveContext.builder()
      .name("ui")
      .effectExecutor(ui)
      .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
      .errorHandler((source, error) -> {
        errors.add(source);
        failures.add(error);
      })
      .build();

  @AfterEach
  void close() {
    ctx.close();
  }

  @Test
  void theFirstRunIsHandedToTheExecutorNotRunByTheCreator() {
    Signal<Integer> count = ctx.signal(1);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(count.get()));
    assertEquals(List.of(), seen);
    assertEquals(1, ui.queued());
    ui.runAll();
    assertEquals(List.of(1), seen);
  }

  @Test
  void manyCommitsBeforeTheExecutorRunsItMeanOneRunThatSeesTheLastCommit() {
    Signal<Integer> count = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(count.get()));
    ui.runAll();
    count.set(1);
    count.set(2);
    ctx.batch(() -> {
      count.set(3);
      count.set(4);
    });
    assertEquals(List.of(0), seen, "the writers' commits only hand the effect over");
    assertEquals(1, ui.queued(), "one task for all the commits it missed");
    ui.runAll();
    assertEquals(List.of(0, 4), seen);
    assertEquals(0, ui.runAll(), "nothing left to run");
  }

  @Test
  void aCommitThatWritesBackWhatTheEffectSawRunsNothing() {
    Signal<Integer> count = ctx.signal(0);
    Computed<Boolean> positive = ctx.computed(() -> count.get() > 0);
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      positive.get();
      runs.incrementAndGet();
    });
    ui.runAll();
    count.set(1);
    count.set(0);
    ui.runAll();
    assertEquals(1, runs.get(), "positive() is false again when the effect's turn comes");
  }

  @Test
  void effectsOfOneExecutorRunInCreationOrderWhateverOrderTheyWentStale() {
    Signal<Integer> a = ctx.signal(0);
    Signal<Integer> b = ctx.signal(0);
    List<String> order = new ArrayList<>();
    ctx.effect(() -> order.add("first reads b=" + b.get()));
    ctx.effect(() -> order.add("second reads a=" + a.get()));
    ui.runAll();
    order.clear();
    a.set(1); // the second effect goes stale first
    b.set(1);
    ui.runAll();
    assertEquals(List.of("first reads b=1", "second reads a=1"), order);
  }

  @Test
  void theExecutorIsCalledAfterTheWriterReleasedTheLockNeverUnderIt() {
    ui.watching(ctx);
    Signal<Integer> count = ctx.signal(0);
    ctx.effect(count::get);
    ui.runAll();
    count.set(1);
    ctx.batch(() -> count.set(2));
    ui.runAll();
    try (LockGuard guard = ctx.enter()) {
      count.set(3);
    }
    assertEquals(List.of(false, false, false), ui.submittedUnderLock);
  }

  @Test
  void aRunHoldsTheLockItselfAndIsTheCurrentEffect() {
    AtomicReference<Effect> current = new AtomicReference<>();
    AtomicReference<Boolean> held = new AtomicReference<>();
    Effect effect = ctx.effect(() -> {
      current.set(Effect.current());
      held.set(ctx.isHeldByCurrentThread());
    });
    ui.runAll();
    assertSame(effect, current.get());
    assertTrue(held.get());
  }

  @Test
  void itsWritesAreOrdinaryWritesThatTriggerOtherEffects() {
    Signal<Integer> count = ctx.signal(0);
    Signal<String> label = ctx.signal("");
    List<String> synchronous = new ArrayList<>();
    List<String> onUi = new ArrayList<>();
    ctx.effect(Effect.SYNCHRONOUS, () -> synchronous.add(label.get()));
    ctx.effect(() -> label.set("count " + count.get()));
    ctx.effect(() -> onUi.add(label.get()));
    ui.runAll();
    assertEquals(List.of("", "count 0"), synchronous, "ran in the writing effect's commit");
    assertEquals(List.of("count 0"), onUi, "the later effect saw the committed write");
    count.set(1);
    assertEquals(1, ui.queued());
    ui.runAll();
    assertEquals(List.of("", "count 0", "count 1"), synchronous);
    assertEquals(List.of("count 0", "count 1"), onUi);
  }

  @Test
  void effectsWithoutAnExecutorInAPlainContextStaySynchronous() {
    try (ReactiveContext plain = ReactiveContext.create()) {
      Signal<Integer> count = plain.signal(0);
      List<Integer> synchronous = new ArrayList<>();
      List<Integer> onUi = new ArrayList<>();
      plain.effect(() -> synchronous.add(count.get()));
      plain.effect(ui, () -> onUi.add(count.get()));
      count.set(1);
      assertEquals(List.of(0, 1), synchronous);
      assertEquals(List.of(), onUi);
      ui.runAll();
      assertEquals(List.of(1), onUi);
    }
  }

  @Test
  void anEffectsOwnExecutorWinsOverTheContexts() {
    ManualExecutor other = new ManualExecutor();
    Signal<Integer> count = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(other, () -> seen.add(count.get()));
    assertEquals(0, ui.queued());
    other.runAll();
    assertEquals(List.of(0), seen);
  }

  @Test
  void effectOfUsesTheCurrentContextsExecutor() {
    Signal<Integer> count = ctx.signal(0);
    List<String> seen = new ArrayList<>();
    ctx.run(() -> Effect.of(() -> seen.add("ui " + count.get())));
    ctx.run(() -> Effect.of(Effect.SYNCHRONOUS, () -> seen.add("synchronous " + count.get())));
    assertEquals(List.of("synchronous 0"), seen, "only the synchronous one ran at once");
    ui.runAll();
    assertEquals(List.of("synchronous 0", "ui 0"), seen);
  }

  @Test
  void cleanupsRunOnTheExecutorBeforeTheNextRun() {
    Signal<Integer> count = ctx.signal(0);
    List<String> log = new ArrayList<>();
    ctx.effect(cleanup -> {
      int n = count.get();
      log.add("run " + n);
      cleanup.add(() -> log.add("cleanup " + n));
    });
    ui.runAll();
    count.set(1);
    assertEquals(List.of("run 0"), log);
    ui.runAll();
    assertEquals(List.of("run 0", "cleanup 0", "run 1"), log);
  }

  @Test
  void anEffectClosedBeforeItsTurnDoesNothingWhenItComes() {
    Signal<Integer> count = ctx.signal(0);
    AtomicInteger runs = new AtomicInteger();
    Effect never = ctx.effect(() -> runs.incrementAndGet());
    never.close();
    ui.runAll();
    assertEquals(0, runs.get(), "closed before its first run");

    Effect later = ctx.effect(() -> {
      count.get();
      runs.incrementAndGet();
    });
    ui.runAll();
    count.set(1);
    later.close();
    ui.runAll();
    assertEquals(1, runs.get(), "closed with a run queued");
  }

  @Test
  void anEffectCanCloseItselfInItsFirstRunOnTheExecutor() {
    Signal<Integer> count = ctx.signal(0);
    AtomicInteger runs = new AtomicInteger();
    Effect effect = ctx.effect(() -> {
      count.get();
      runs.incrementAndGet();
      Effect.current().close();
    });
    ui.runAll();
    count.set(1);
    ui.runAll();
    assertTrue(effect.isClosed());
    assertEquals(1, runs.get());
  }

  @Test
  void closingTheContextDropsTheQueuedRunsAndLeavesTheExecutorAlone() {
    Signal<Integer> count = ctx.signal(0);
    AtomicInteger runs = new AtomicInteger();
    Effect effect = ctx.effect(() -> {
      count.get();
      runs.incrementAndGet();
    });
    ctx.close();
    assertTrue(effect.isClosed());
    ui.runAll();
    assertEquals(0, runs.get());
    assertEquals(List.of(), errors);
  }

  @Test
  void anOwnedEffectOnTheExecutorIsClosedWithItsOwnersNextRun() {
    Signal<Integer> outer = ctx.signal(0);
    Signal<Integer> inner = ctx.signal(0);
    List<String> log = new ArrayList<>();
    List<Effect> created = new ArrayList<>();
    ctx.effect(Effect.SYNCHRONOUS, () -> {
      int o = outer.get();
      created.add(ctx.effect(() -> log.add("inner of " + o + " sees " + inner.get())));
    });
    ui.runAll();
    inner.set(1);
    outer.set(1); // closes the first inner effect, whose run is queued, and queues the second
    ui.runAll();
    assertTrue(created.get(0).isClosed());
    assertEquals(List.of("inner of 0 sees 0", "inner of 1 sees 1"), log);
  }

  @Test
  void anEffectScopeClosesItsEffectsOnTheExecutorQueuedRunsIncluded() {
    Signal<Integer> count = ctx.signal(0);
    AtomicInteger runs = new AtomicInteger();
    EffectScope scope = EffectScope.create(ctx);
    scope.run(() -> ctx.effect(() -> {
      count.get();
      runs.incrementAndGet();
    }));
    ui.runAll();
    count.set(1);
    scope.close();
    ui.runAll();
    assertEquals(1, runs.get());
  }

  @Test
  void aFailingRunGoesToTheErrorHandlerAndTheOtherEffectsOfTheTaskStillRun() {
    Signal<Integer> count = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> {
      if (count.get() == 1) {
        throw new IllegalStateException("boom at 1");
      }
    }).named("fragile");
    ctx.effect(() -> seen.add(count.get()));
    ui.runAll();
    count.set(1);
    ui.runAll();
    assertEquals(List.of(0, 1), seen);
    assertEquals(List.of("Effect 'fragile'"), errors);
    assertEquals("boom at 1", failures.get(0).getMessage());
    count.set(2);
    ui.runAll();
    assertEquals(List.of(0, 1, 2), seen, "the graph goes on");
  }

  @Test
  void aVirtualMachineErrorOfARunReachesTheExecutorAfterTheOtherRuns() {
    Signal<Integer> count = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> {
      if (count.get() == 1) {
        throw new StackOverflowError("deep");
      }
    });
    ctx.effect(() -> seen.add(count.get()));
    ui.runAll();
    count.set(1);
    StackOverflowError thrown = assertThrows(StackOverflowError.class, ui::runAll);
    assertEquals("deep", thrown.getMessage());
    assertEquals(List.of(0, 1), seen);
    count.set(2);
    ui.runAll();
    assertEquals(List.of(0, 1, 2), seen);
  }

  @Test
  void aRejectedRunIsReportedAndTheEffectRunsAfterTheNextChange() {
    Signal<Integer> count = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(count.get())).named("label");
    ui.runAll();
    ui.reject(true);
    count.set(1);
    assertEquals(1, failures.size());
    assertInstanceOf(RejectedExecutionException.class, failures.get(0));
    assertTrue(errors.get(0).contains("Effect 'label' (runs again after the next change"),
        errors.get(0));
    ui.reject(false);
    count.set(2);
    ui.runAll();
    assertEquals(List.of(0, 2), seen);
  }

  @Test
  void aRejectedFirstRunGoesWithTheNextTaskOfTheExecutor() {
    Signal<Integer> count = ctx.signal(0);
    List<String> seen = new ArrayList<>();
    ctx.effect(() -> seen.add("old " + count.get()));
    ui.runAll();
    ui.reject(true);
    ctx.effect(() -> seen.add("new " + count.get())).named("late");
    assertEquals(1, failures.size());
    ui.reject(false);
    count.set(1);
    ui.runAll();
    assertEquals(List.of("old 0", "old 1", "new 1"), seen);
  }

  @Test
  void aShutDownExecutorServiceRejectsTheFirstRunAndTheErrorHandlerHearsOfIt() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    pool.shutdown();
    Signal<Integer> count = ctx.signal(0);
    ctx.effect(pool, count::get);
    assertEquals(1, failures.size());
    assertInstanceOf(RejectedExecutionException.class, failures.get(0));
    assertTrue(errors.get(0).contains("(first run: goes with the next run on this executor)"),
        errors.get(0));
    count.set(1);
    assertEquals(1, failures.size(), "it waits for the executor's next task, not for count");
  }

  @Test
  void effectsThatKeepReTriggeringEachOtherFailAsARunawayAndTheGraphGoesOn() {
    Signal<Integer> count = ctx.signal(0);
    ctx.effect(() -> count.set(count.get() + 1)).named("loop");
    ui.runAll();
    assertEquals(1, failures.size());
    RunawayEffectsException runaway =
        assertInstanceOf(RunawayEffectsException.class, failures.get(0));
    assertEquals(List.of("Effect 'loop'"), runaway.effects());
    assertEquals(101, count.peek(), "the first run and 100 chained ones");
    count.set(-10);
    ui.runAll();
    assertEquals(2, failures.size(), "a change from outside starts it again");
  }

  @Test
  void aLongChainOfEffectsFeedingEachOtherIsNoRunaway() {
    try (ReactiveContext threeRounds = ReactiveContext.builder().effectExecutor(ui)
        .maxEffectRounds(3).lockHoldThreshold(Duration.ZERO)
        .errorHandler((s, e) -> failures.add(e)).build()) {
      List<Signal<Integer>> stages = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        stages.add(threeRounds.signal(0));
      }
      for (int i = 3; i > 0; i--) { // created last-to-first: each stage needs its own task
        int from = i - 1;
        int to = i;
        threeRounds.effect(() -> stages.get(to).set(stages.get(from).get()));
      }
      ui.runAll();
      stages.get(0).set(7);
      ui.runAll();
      assertEquals(7, stages.get(3).peek());
      assertEquals(List.of(), failures);
    }
  }

  @Test
  void theRuntimesOwnWatchersStaySynchronous() {
    Signal<Long> id = ctx.signal(1L);
    Resource<Long, String> user = Resource.of(ctx, id::get, p -> new CompletableFuture<>());
    assertEquals(ResourceStatus.LOADING, user.status(), "loading started at creation");
    id.set(2L);
    assertEquals(ResourceStatus.LOADING, user.status());
    assertEquals(0, ui.queued(), "its params watcher ran in the commits");
  }

  @Test
  void aTaskRunInsideABatchOfTheSameThreadRunsInsideThatBatch() {
    Signal<Integer> count = ctx.signal(0);
    Signal<Integer> copy = ctx.signal(0);
    List<Integer> copies = new ArrayList<>();
    ctx.effect(() -> copy.set(count.get()));
    ctx.effect(Effect.SYNCHRONOUS, () -> copies.add(copy.get()));
    ui.runAll();
    count.set(5);
    ctx.batch(() -> {
      ui.runAll();
      assertEquals(List.of(0), copies, "the copy is committed with the batch");
    });
    assertEquals(List.of(0, 5), copies);
    assertFalse(ctx.isHeldByCurrentThread());
  }
}
