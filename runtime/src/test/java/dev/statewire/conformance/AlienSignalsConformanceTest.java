package dev.statewire.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Computed;
import dev.statewire.Effect;
import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import dev.statewire.Statewire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * alien-signals' {@code tests/conformance.spec.ts} runs the cases of the package {@code
 * reactive-framework-test-suite} (by alien-signals' author, {@code
 * johnsoncodehk/reactive-framework-test-suite}) against alien-signals; this class ports the
 * sections listed in this package's README, one nested class per section, each test named as
 * the original case. The suite's {@code batch} is {@link ReactiveContext#batch}, its {@code
 * untracked} is {@link ReactiveContext#untracked}, its effect disposer is {@link Effect#close()}.
 */
class AlienSignalsConformanceTest {
  private final List<String> errors = new ArrayList<>();
  private final ReactiveContext ctx = ReactiveContext.builder()
      .name("alien-signals conformance.spec")
      .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
      .errorHandler((source, error) -> errors.add(error.getMessage()))
      .build();

  @AfterEach
  void noEffectFailedUnlessExpected() {
    ctx.close();
    assertEquals(List.of(), errors, "no effect may fail");
  }

  private Effect countRuns(AtomicInteger runs, Signal<?>... reads) {
    return ctx.effect(() -> {
      for (Signal<?> s : reads) {
        s.get();
      }
      runs.incrementAndGet();
    });
  }

  @Nested
  @DisplayName("Batching / Transaction")
  class Batching {
    @Test
    @DisplayName("#65 writes delayed until batch completes")
    void writesDelayedUntilBatchCompletes() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a);
      assertEquals(1, runs.get());

      ctx.batch(() -> {
        a.set(1);
        a.set(2);
        a.set(3);
      });
      assertEquals(2, runs.get());
      assertEquals(3, a.get());
    }

    @Test
    @DisplayName("#66 nested batches: outer completion triggers propagation")
    void nestedBatchesPropagateWhenTheOuterEnds() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a);
      assertEquals(1, runs.get());

      ctx.batch(() -> {
        a.set(1);
        ctx.batch(() -> a.set(2));
        assertEquals(1, runs.get(), "the outer batch is still open");
        a.set(3);
      });
      assertEquals(2, runs.get());
      assertEquals(3, a.get());
    }

    @Test
    @DisplayName("#67 signals readable with updated value inside batch")
    void signalsReadTheirNewValueInsideABatch() {
      Signal<Integer> a = ctx.signal(0);
      ctx.batch(() -> {
        a.set(1);
        assertEquals(1, a.get());
        a.set(2);
        assertEquals(2, a.get());
      });
    }

    @Test
    @DisplayName("#68 computed readable with updated sources inside batch")
    void computedReadsUpdatedSourcesInsideABatch() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() * 2);
      ctx.batch(() -> {
        a.set(5);
        assertEquals(10, b.get());
      });
    }

    @Test
    @DisplayName("#69 pending effects run even if batch callback throws")
    void pendingEffectsRunWhenTheBatchThrows() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a);
      assertEquals(1, runs.get());

      assertThrows(IllegalStateException.class, () -> ctx.batch(() -> {
        a.set(1);
        throw new IllegalStateException("batch error");
      }));
      assertEquals(2, runs.get());
      assertEquals(1, a.get());
    }

    @Test
    @DisplayName("#70 effect first run is immediate even inside batch")
    void effectFirstRunIsImmediateInsideABatch() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      ctx.batch(() -> {
        countRuns(runs, a);
        assertEquals(1, runs.get());
      });
    }

    @Test
    @DisplayName("#71 no duplicate listener notifications within batch")
    void noDuplicateNotificationsWithinABatch() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a, b);
      assertEquals(1, runs.get());

      ctx.batch(() -> {
        a.set(1);
        b.set(1);
      });
      assertEquals(2, runs.get());
    }

    @Test
    @DisplayName("#72 intermediate values skipped (only final value observed)")
    void intermediateValuesAreSkipped() {
      Signal<Integer> a = ctx.signal(0);
      List<Integer> values = new ArrayList<>();
      ctx.effect(() -> values.add(a.get()));
      assertEquals(List.of(0), values);

      ctx.batch(() -> {
        a.set(1);
        a.set(2);
        a.set(3);
      });
      assertEquals(List.of(0, 3), values);
    }

    @Test
    @DisplayName("#119 batch: computed same result despite source change — no effect run")
    void computedWithTheSameResultRunsNoEffect() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      Computed<Integer> c = ctx.computed(() -> a.get() + b.get());
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        c.get();
        runs.incrementAndGet();
      });
      assertEquals(1, runs.get());
      assertEquals(0, c.get());

      ctx.batch(() -> {
        a.set(1);
        b.set(-1);
      });
      assertEquals(0, c.get());
      assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("#120 cleanup writes inside effect are implicitly batched")
    void cleanupWritesAreSeenByLaterEffects() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      List<String> log = new ArrayList<>();
      ctx.effect(cleanup -> {
        a.get();
        cleanup.add(() -> b.set(a.peek()));
      });
      ctx.effect(() -> log.add("b:" + b.get()));

      log.clear();
      a.set(1);
      assertTrue(log.size() >= 1, "the effect on b ran");
      assertEquals("b:1", log.get(log.size() - 1));
    }

    @Test
    @DisplayName("#121 pending effects run even if some effects throw during batch")
    void pendingEffectsRunWhenAnotherEffectThrows() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger goodRuns = new AtomicInteger();
      countRuns(goodRuns, a);
      ctx.effect(() -> {
        if (a.get() > 0) {
          throw new IllegalStateException("bad effect");
        }
      });
      assertEquals(1, goodRuns.get());

      ctx.batch(() -> a.set(1));
      assertTrue(goodRuns.get() >= 2, "the good effect re-ran, runs: " + goodRuns.get());
      assertEquals(List.of("bad effect"), errors, "the failing effect reaches the error handler");
      errors.clear();
    }

    @Test
    @DisplayName("#122 post-batch writes work normally")
    void writesAfterABatchPropagateNormally() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a);
      assertEquals(1, runs.get());

      ctx.batch(() -> a.set(1));
      assertEquals(2, runs.get());

      a.set(2);
      assertEquals(3, runs.get());
      assertEquals(2, a.get());
    }

    @Test
    @DisplayName("#123 repeated no-op batches don't re-trigger effects")
    void repeatedNoOpBatchesRunNoEffect() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a);
      assertEquals(1, runs.get());

      for (int v = 1; v <= 3; v++) {
        int written = v;
        ctx.batch(() -> {
          a.set(written);
          a.set(0);
        });
        assertEquals(1, runs.get(), "batch writing " + written + " then 0");
      }
    }

    @Test
    @DisplayName("#124 trigger+dispose+retrigger in batch = no run")
    void effectClosedBetweenTwoWritesOfABatchDoesNotRun() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      Effect effect = countRuns(runs, a);
      assertEquals(1, runs.get());

      ctx.batch(() -> {
        a.set(1);
        effect.close();
        a.set(2);
      });
      assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("#125 batch: source reverts → computed not notified")
    void sourceRevertedInABatchRunsNoEffect() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> c = ctx.computed(() -> a.get() * 2);
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        c.get();
        runs.incrementAndGet();
      });
      assertEquals(1, runs.get());

      ctx.batch(() -> {
        a.set(5);
        a.set(0);
      });
      assertEquals(1, runs.get());
      assertEquals(0, c.get());
    }

    @Test
    @DisplayName("#126 new effect inside batch after write sees updated value")
    void effectCreatedAfterAWriteInABatchSeesIt() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger seen = new AtomicInteger(-1);
      ctx.batch(() -> {
        a.set(42);
        ctx.effect(() -> seen.set(a.get()));
      });
      assertEquals(42, seen.get());
    }

    @Test
    @DisplayName("#127 unsubscribe inside batch: not called at end")
    void effectClosedInsideABatchDoesNotRunAtItsEnd() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      Effect effect = countRuns(runs, a);
      assertEquals(1, runs.get());

      ctx.batch(() -> {
        a.set(1);
        effect.close();
      });
      assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("#128 reading computed in batch forces upstream evaluation")
    void readingAComputedInABatchEvaluatesItsUpstream() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() + 1);
      Computed<Integer> c = ctx.computed(() -> b.get() * 2);
      ctx.batch(() -> {
        a.set(5);
        assertEquals(12, c.get());
        assertEquals(6, b.get());
      });
    }

    @Test
    @DisplayName("#129 reading one computed doesn't notify sibling effect early")
    void readingOneComputedDoesNotRunASiblingsEffectEarly() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> c1 = ctx.computed(() -> a.get() + 1);
      Computed<Integer> c2 = ctx.computed(() -> a.get() * 2);
      AtomicInteger c2Runs = new AtomicInteger();
      ctx.effect(() -> {
        c2.get();
        c2Runs.incrementAndGet();
      });
      assertEquals(1, c2Runs.get());

      ctx.batch(() -> {
        a.set(5);
        c1.get();
        assertEquals(1, c2Runs.get());
      });
      assertEquals(2, c2Runs.get());
    }

    @Test
    @DisplayName("#130 effect inner writes are implicitly batched")
    void writesOfAnEffectBodyAreSeenTogether() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      Signal<Integer> c = ctx.signal(0);
      List<String> log = new ArrayList<>();
      ctx.effect(() -> {
        int v = a.get();
        b.set(v + 1);
        c.set(v + 2);
      });
      ctx.effect(() -> log.add(b.get() + "," + c.get()));

      log.clear();
      a.set(10);
      assertEquals("11,12", log.get(log.size() - 1));
    }

    @Test
    @DisplayName("#131 derived-of-derived: source reverts in batch")
    void derivedOfDerivedUpdatesWhenAnotherSourceChanged() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(10);
      Computed<Integer> c1 = ctx.computed(() -> a.get() * 2);
      Computed<Integer> c2 = ctx.computed(() -> c1.get() + b.get());
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        c2.get();
        runs.incrementAndGet();
      });
      assertEquals(1, runs.get());

      ctx.batch(() -> {
        a.set(5);
        a.set(0);
        b.set(20);
      });
      assertEquals(20, c2.get());
      assertEquals(2, runs.get());
    }

    @Test
    @DisplayName("#132 batch: computed not recomputed if dep reverts")
    void computedIsNotRecomputedWhenItsSourceReverts() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger cCalls = new AtomicInteger();
      Computed<Integer> c = ctx.computed(() -> {
        cCalls.incrementAndGet();
        return a.get() * 2;
      });
      ctx.effect(() -> c.get());
      cCalls.set(0);

      ctx.batch(() -> {
        a.set(5);
        a.set(0);
      });
      c.get();
      assertEquals(0, cCalls.get());
    }

    @Test
    @DisplayName("#74 multiple signals grouped in single update")
    void twoSignalsChangedInOneBatchRunTheEffectOnce() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a, b);
      assertEquals(1, runs.get());

      ctx.batch(() -> {
        a.set(1);
        b.set(1);
      });
      assertEquals(2, runs.get());
      assertEquals(1, a.get());
      assertEquals(1, b.get());
    }
  }

  @Nested
  @DisplayName("Untracked / Unsampled Reads")
  class Untracked {
    @Test
    @DisplayName("#75 untracked read in effect does not create dependency")
    void untrackedReadInAnEffectCreatesNoDependency() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        a.get();
        ctx.untracked(() -> b.get());
        runs.incrementAndGet();
      });
      assertEquals(1, runs.get());

      a.set(1);
      assertEquals(2, runs.get());

      b.set(1);
      assertEquals(2, runs.get());
    }

    @Test
    @DisplayName("#76 untracked read in computed does not create dependency")
    void untrackedReadInAComputedCreatesNoDependency() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(10);
      Computed<Integer> c = ctx.computed(() -> a.get() + ctx.untracked(() -> b.get()));
      assertEquals(10, c.get());

      a.set(1);
      assertEquals(11, c.get());

      b.set(20);
      assertEquals(11, c.get());
    }

    @Test
    @DisplayName("#117 untracked read of stale computed returns fresh value")
    void untrackedReadOfAStaleComputedIsFresh() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() * 2);
      assertEquals(0, b.get());

      a.set(5);
      assertEquals(10, ctx.untracked(() -> b.get()));
    }

    @Test
    @DisplayName("#118 untracked transitively doesn't track through nested deps")
    void untrackedReadOfAComputedTracksNothingBehindIt() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() * 2);
      AtomicInteger effectRuns = new AtomicInteger();
      ctx.effect(() -> {
        ctx.untracked(() -> b.get());
        effectRuns.incrementAndGet();
      });
      assertEquals(1, effectRuns.get());

      a.set(1);
      assertEquals(1, effectRuns.get());

      a.set(2);
      assertEquals(1, effectRuns.get());
    }

    @Test
    @DisplayName("#156 untracked write inside effect doesn't throw")
    void untrackedWriteInsideAnEffectWorks() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      ctx.effect(() -> {
        a.get();
        Statewire.untracked(() -> b.set(a.get() * 10)); // the context of the running effect
      });
      assertEquals(0, b.get());

      a.set(1);
      assertEquals(10, b.get());
    }
  }
}
