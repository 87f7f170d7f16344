package dev.statewire.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Computed;
import dev.statewire.Effect;
import dev.statewire.IllegalWriteException;
import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import dev.statewire.Statewire;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
class AlienSignalsConformanceTest extends AlienSignalsFixture {
  AlienSignalsConformanceTest() {
    super("conformance.spec");
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

  private <T> Computed<T> counting(AtomicInteger calls, Supplier<T> fn) {
    return ctx.computed(() -> {
      calls.incrementAndGet();
      return fn.get();
    });
  }

  @Nested
  @DisplayName("Computed Evaluation")
  class ComputedEvaluation {
    @Test
    @DisplayName("#18 cached — not re-evaluated if deps unchanged")
    void cachedWhileDependenciesAreUnchanged() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger calls = new AtomicInteger();
      Computed<Integer> b = counting(calls, a::get);
      assertEquals(0, b.get());
      assertEquals(1, calls.get());

      assertEquals(0, b.get());
      assertEquals(1, calls.get());
    }

    @Test
    @DisplayName("#19 returns updated value after dep change")
    void returnsTheUpdatedValueAfterADependencyChanged() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() * 2);
      assertEquals(0, b.get());
      a.set(1);
      assertEquals(2, b.get());
      a.set(5);
      assertEquals(10, b.get());
    }

    @Test
    @DisplayName("#21 chained computed dirty reallocation after trigger")
    void switchedDependencyOfAChainedComputed() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      Computed<Integer> c = ctx.computed(a::get);
      Computed<Integer> d = ctx.computed(() -> a.get() == 0 ? b.get() : c.get());
      assertEquals(0, d.get());

      a.set(1);
      assertEquals(1, d.get());

      b.set(10);
      assertEquals(1, d.get());
    }

    @Test
    @DisplayName("#22 chained computed avoids redundant re-compute")
    void eachComputedOfAChainEvaluatesOncePerChange() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger bCalls = new AtomicInteger();
      AtomicInteger cCalls = new AtomicInteger();
      AtomicInteger dCalls = new AtomicInteger();
      Computed<Integer> b = counting(bCalls, a::get);
      Computed<Integer> c = counting(cCalls, b::get);
      Computed<Integer> d = counting(dCalls, c::get);
      assertEquals(0, d.get());
      bCalls.set(0);
      cCalls.set(0);
      dCalls.set(0);

      a.set(1);
      assertEquals(1, d.get());
      assertEquals(1, bCalls.get());
      assertEquals(1, cCalls.get());
      assertEquals(1, dCalls.get());
    }

    @Test
    @DisplayName("#23 sync access of invalidated chained computed runs effect")
    void effectOnTheTailOfAChainRuns() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(a::get);
      Computed<Integer> c = ctx.computed(b::get);
      AtomicInteger effectRuns = new AtomicInteger();
      ctx.effect(() -> {
        c.get();
        effectRuns.incrementAndGet();
      });
      assertEquals(1, effectRuns.get());

      a.set(1);
      assertEquals(1, c.get());
      assertEquals(2, effectRuns.get());
    }

    @Test
    @DisplayName("#24 dependency evaluation order consistent with last access")
    void bothComputedsOfOneSourceReEvaluate() {
      List<String> order = new ArrayList<>();
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> {
        order.add("b");
        return a.get();
      });
      Computed<Integer> c = ctx.computed(() -> {
        order.add("c");
        return a.get();
      });
      b.get();
      c.get();
      order.clear();

      a.set(1);
      b.get();
      c.get();
      assertTrue(order.contains("b"), "b re-evaluated: " + order);
      assertTrue(order.contains("c"), "c re-evaluated: " + order);
    }

    @Test
    @DisplayName("#25 no re-compute if zero dependencies")
    void computedWithoutDependenciesEvaluatesOnce() {
      AtomicInteger calls = new AtomicInteger();
      Computed<Integer> a = counting(calls, () -> 42);
      assertEquals(42, a.get());
      assertEquals(1, calls.get());

      assertEquals(42, a.get());
      assertEquals(1, calls.get());
    }

    @Test
    @DisplayName("#26 computed remains live after losing all subscribers")
    void computedStaysCorrectAfterItsLastSubscriberCloses() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() * 2);
      ctx.effect(() -> b.get()).close();

      a.set(5);
      assertEquals(10, b.get());
      a.set(10);
      assertEquals(20, b.get());
    }

    @Test
    @DisplayName("#145 undefined is a valid computed value (not uninitialized)")
    void nullIsACachedValue() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> c = ctx.computed(() -> a.get() == 0 ? null : a.get());
      assertNull(c.get());

      a.set(1);
      assertEquals(1, c.get());

      a.set(0);
      assertNull(c.get());
    }

    @Test
    @DisplayName("#147 computed not recomputed in batch if dep reverts")
    void unwatchedComputedIsNotRecomputedWhenItsSourceReverts() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger cCalls = new AtomicInteger();
      Computed<Integer> c = counting(cCalls, a::get);
      c.get();
      cCalls.set(0);

      ctx.batch(() -> {
        a.set(5);
        a.set(0);
      });
      c.get();
      assertEquals(0, cCalls.get());
    }

    @Test
    @DisplayName("#149 batch preserves correct evaluation order")
    void upstreamEvaluatesBeforeDownstream() {
      List<String> order = new ArrayList<>();
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> {
        order.add("b");
        return a.get();
      });
      Computed<Integer> c = ctx.computed(() -> {
        order.add("c");
        return b.get();
      });
      ctx.effect(() -> c.get());
      order.clear();

      ctx.batch(() -> a.set(1));
      assertTrue(order.size() < 2 || order.indexOf("b") < order.indexOf("c"),
          "b before c: " + order);
    }

    @Test
    @DisplayName("#115 signal creation inside computed is allowed")
    void signalCreatedInsideAComputed() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> c = ctx.computed(() -> ctx.signal(a.get() * 10).get());
      assertEquals(0, c.get());
      a.set(3);
      assertEquals(30, c.get());
    }

    @Test
    @DisplayName("#27 downstream not re-evaluated unless value changed")
    void downstreamIsNotReEvaluatedWhileTheValueIsUnchanged() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> Math.min(10, Math.max(0, a.get())));
      AtomicInteger cCalls = new AtomicInteger();
      Computed<Integer> c = counting(cCalls, b::get);
      assertEquals(0, c.get());
      cCalls.set(0);

      a.set(-1);
      assertEquals(0, c.get());
      assertEquals(0, cCalls.get());

      a.set(5);
      assertEquals(5, c.get());
      assertEquals(1, cCalls.get());
      cCalls.set(0);

      a.set(11);
      assertEquals(10, c.get());
      cCalls.set(0);

      a.set(20);
      assertEquals(10, c.get());
      assertEquals(0, cCalls.get());
    }
  }

  @Nested
  @DisplayName("Equality & Same-Value Optimization")
  class Equality {
    @Test
    @DisplayName("#28 same primitive value — no propagation")
    void writingTheSameValuePropagatesNothing() {
      Signal<Integer> a = ctx.signal(1);
      AtomicInteger cCalls = new AtomicInteger();
      Computed<Integer> c = counting(cCalls, a::get);
      assertEquals(1, c.get());
      assertEquals(1, cCalls.get());

      a.set(1);
      assertEquals(1, c.get());
      assertEquals(1, cCalls.get());
    }

    @Test
    @DisplayName("#34 pruning stops at first unchanged node")
    void pruningStopsAtTheFirstUnchangedNode() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() > 0 ? 1 : 0);
      AtomicInteger cCalls = new AtomicInteger();
      AtomicInteger dCalls = new AtomicInteger();
      Computed<Integer> c = counting(cCalls, b::get);
      Computed<Integer> d = counting(dCalls, c::get);
      assertEquals(0, d.get());

      a.set(1);
      assertEquals(1, d.get());
      cCalls.set(0);
      dCalls.set(0);

      a.set(2);
      assertEquals(1, d.get());
      assertEquals(0, cCalls.get());
      assertEquals(0, dCalls.get());
    }

    @Test
    @DisplayName("#169 live pruning: effect not re-run when intermediate computed returns same")
    void effectDoesNotRunWhenAnIntermediateComputedIsUnchanged() {
      Signal<Integer> s = ctx.signal(0);
      Computed<Integer> c1 = ctx.computed(s::get);
      Computed<Integer> c2 = ctx.computed(() -> {
        c1.get();
        return 5;
      });
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        c2.get();
        runs.incrementAndGet();
      });
      assertEquals(1, runs.get());

      s.set(1);
      assertEquals(1, runs.get());

      s.set(2);
      assertEquals(1, runs.get());
    }
  }

  @Nested
  @DisplayName("Dynamic Dependencies")
  class DynamicDependencies {
    @Test
    @DisplayName("#12 active dep triggers, inactive dep does not")
    void onlyTheActiveBranchTriggers() {
      Signal<String> a = ctx.signal("a");
      Signal<String> b = ctx.signal("b");
      Signal<Boolean> cond = ctx.signal(true);
      AtomicInteger cCalls = new AtomicInteger();
      Computed<String> c = counting(cCalls, () -> cond.get() ? a.get() : b.get());
      assertEquals("a", c.get());
      assertEquals(1, cCalls.get());

      b.set("bb");
      assertEquals("a", c.get());
      assertEquals(1, cCalls.get());

      a.set("aa");
      assertEquals("aa", c.get());
      assertEquals(2, cCalls.get());
    }

    @Test
    @DisplayName("#13 switching branches deactivates old deps")
    void switchingBranchesDropsTheOldDependency() {
      Signal<String> a = ctx.signal("a");
      Signal<String> b = ctx.signal("b");
      Signal<Boolean> cond = ctx.signal(true);
      AtomicInteger cCalls = new AtomicInteger();
      Computed<String> c = counting(cCalls, () -> cond.get() ? a.get() : b.get());
      assertEquals("a", c.get());

      cond.set(false);
      assertEquals("b", c.get());
      cCalls.set(0);

      a.set("aa");
      assertEquals("b", c.get());
      assertEquals(0, cCalls.get());

      b.set("bb");
      assertEquals("bb", c.get());
      assertEquals(1, cCalls.get());
    }

    @Test
    @DisplayName("#14 new deps updated before dependee")
    void aNewDependencyIsUpToDateBeforeItsReader() {
      Signal<Integer> a = ctx.signal(1);
      Signal<Integer> b = ctx.signal(10);
      Signal<Boolean> cond = ctx.signal(false);
      Computed<Integer> c = ctx.computed(a::get);
      Computed<Integer> d = ctx.computed(() -> cond.get() ? c.get() : b.get());
      assertEquals(10, d.get());

      cond.set(true);
      a.set(2);
      assertEquals(2, d.get());
    }

    @Test
    @DisplayName("#16 lazy branch")
    void lazyBranch() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(a::get);
      Computed<Integer> c = ctx.computed(() -> a.get() > 0 ? a.get() : b.get());
      assertEquals(0, c.get());
      a.set(1);
      assertEquals(1, c.get());
      a.set(0);
      assertEquals(0, c.get());
    }

    @Test
    @DisplayName("#165 computed dep cleanup doesn't delete sibling subscription")
    void droppingADependencyKeepsASiblingsSubscription() {
      Signal<Boolean> toggle = ctx.signal(true);
      Signal<Integer> state = ctx.signal(1);
      Computed<Integer> p = ctx.computed(() -> toggle.get() ? state.get() : 111);
      Computed<Integer> pp = ctx.computed(state::get);
      ctx.effect(() -> p.get());

      toggle.set(false);
      assertEquals(111, p.get());

      state.set(2);
      assertEquals(2, pp.get());
    }

    @Test
    @DisplayName("#166 after dep removed via branch switch, re-subscribing works")
    void aDroppedDependencyCanBeReadAgain() {
      Signal<Boolean> flag = ctx.signal(true);
      Signal<Integer> src = ctx.signal(1);
      Computed<Integer> c = ctx.computed(() -> flag.get() ? src.get() : 0);
      AtomicInteger seen = new AtomicInteger(-1);
      ctx.effect(() -> seen.set(c.get()));
      assertEquals(1, seen.get());

      flag.set(false);
      assertEquals(0, seen.get());

      src.set(2);

      flag.set(true);
      assertEquals(2, seen.get());
    }

    /** A holder standing in for the original's {@code { v: number } | null}. */
    private record Box(int v) {}

    @Test
    @DisplayName("#193 sequential dirty check: branch switch skips unreachable computed")
    void branchSwitchSkipsAnUnreachableComputed() {
      AtomicInteger cCalls = new AtomicInteger();
      Signal<Box> a = ctx.signal(new Box(1));
      Computed<Box> b = ctx.computed(a::get);
      Computed<Integer> c = counting(cCalls, () -> b.get() == null ? null : b.get().v());
      Computed<Integer> d = ctx.computed(() -> b.get() != null ? c.get() : 0);

      d.get();
      assertEquals(1, cCalls.get());

      a.set(null);
      d.get();
      assertEquals(1, cCalls.get(), "d no longer reaches c");
    }

    @Test
    @DisplayName("#194 chained computed dirty reallocation via effect")
    void chainOfComputedsDrivenByAnEffect() {
      AtomicReference<String> seen = new AtomicReference<>("");
      Signal<List<Integer>> items = ctx.signal(null);
      Computed<Boolean> isLoaded = ctx.computed(() -> items.get() != null);
      Computed<String> msg = ctx.computed(() -> isLoaded.get() ? "loaded" : "not loaded");
      ctx.effect(() -> seen.set(msg.get()));
      assertEquals("not loaded", seen.get());

      items.set(List.of(1, 2, 3));
      assertEquals("loaded", seen.get());

      items.set(List.of(4, 5));
      assertEquals("loaded", seen.get());

      items.set(null);
      assertEquals("not loaded", seen.get());
    }

    @Test
    @DisplayName("#195 chained computed dirty reallocation via manual read")
    void chainOfComputedsDrivenByReads() {
      Signal<List<Integer>> items = ctx.signal(null);
      Computed<Boolean> isLoaded = ctx.computed(() -> items.get() != null);
      Computed<String> msg = ctx.computed(() -> isLoaded.get() ? "loaded" : "not loaded");
      assertEquals("not loaded", msg.get());

      items.set(List.of(1, 2, 3));
      isLoaded.get();
      assertEquals("loaded", msg.get());

      items.set(null);
      assertEquals("not loaded", msg.get());
    }

    @Test
    @DisplayName("#196 maybe-dirty diamond: first dep unmarked, second still triggers")
    void diamondReEvaluatesWhenEitherBranchChanged() {
      AtomicInteger c3Calls = new AtomicInteger();
      Signal<Integer> src1 = ctx.signal(0);
      Signal<Integer> src2 = ctx.signal(0);
      Computed<Integer> c1 = ctx.computed(src1::get);
      Computed<Integer> c2 = ctx.computed(() -> src1.get() % 2 + src2.get());
      Computed<Integer> c3 = counting(c3Calls, () -> c1.get() + c2.get());

      c3.get();
      assertEquals(1, c3Calls.get());

      src1.set(2);
      c3.get();
      assertEquals(2, c3Calls.get());

      src2.set(1);
      c3.get();
      assertEquals(3, c3Calls.get());
    }

    @Test
    @DisplayName("#197 chained value-equality stops propagation across multiple writes")
    void equalityCutOffHoldsOverSeveralWrites() {
      AtomicInteger c1Calls = new AtomicInteger();
      AtomicInteger c2Calls = new AtomicInteger();
      AtomicInteger effectRuns = new AtomicInteger();
      Signal<Integer> src = ctx.signal(0);
      Computed<Integer> c1 = counting(c1Calls, () -> src.get() % 2);
      Computed<Integer> c2 = counting(c2Calls, () -> c1.get() + 1);
      ctx.effect(() -> {
        c2.get();
        effectRuns.incrementAndGet();
      });
      assertEquals(1, effectRuns.get());
      c1Calls.set(0);
      c2Calls.set(0);
      effectRuns.set(0);

      src.set(2);
      src.set(4);
      src.set(6);
      assertTrue(c1Calls.get() >= 1, "c1 re-evaluated, calls: " + c1Calls.get());
      assertEquals(0, c2Calls.get());
      assertEquals(0, effectRuns.get());
    }

    @Test
    @DisplayName("#198 effect discovers new branch deps")
    void effectDiscoversTheDependenciesOfANewBranch() {
      Signal<Boolean> cond = ctx.signal(false);
      Signal<String> a = ctx.signal("value");
      AtomicInteger runs = new AtomicInteger();
      AtomicReference<String> seen = new AtomicReference<>("");
      ctx.effect(() -> {
        runs.incrementAndGet();
        seen.set(cond.get() ? a.get() : "other");
      });
      assertEquals("other", seen.get());
      assertEquals(1, runs.get());

      a.set("Hi");
      assertEquals("other", seen.get());
      assertEquals(1, runs.get());

      cond.set(true);
      assertEquals("Hi", seen.get());
      assertEquals(2, runs.get());

      a.set("World");
      assertEquals("World", seen.get());
      assertEquals(3, runs.get());
    }

    @Test
    @DisplayName("#199 effect ignores inactive branch dep")
    void effectIgnoresTheDependencyOfAnInactiveBranch() {
      Signal<Boolean> cond = ctx.signal(true);
      Signal<String> a = ctx.signal("value");
      AtomicInteger runs = new AtomicInteger();
      AtomicReference<String> seen = new AtomicReference<>("");
      ctx.effect(() -> {
        runs.incrementAndGet();
        seen.set(cond.get() ? a.get() : "other");
      });
      assertEquals("value", seen.get());
      assertEquals(1, runs.get());

      cond.set(false);
      assertEquals("other", seen.get());
      assertEquals(2, runs.get());

      a.set("changed");
      assertEquals("other", seen.get());
      assertEquals(2, runs.get());
    }

    @Test
    @DisplayName("#200 independent dep tracking across effects with dynamic deps")
    void effectsTrackTheirOwnShiftingDependencies() {
      Signal<Integer> a = ctx.signal(1);
      Signal<Integer> b = ctx.signal(2);
      Signal<Integer> c = ctx.signal(0);
      Signal<Integer> fx1Out = ctx.signal(0);
      Signal<Integer> fx2Out = ctx.signal(0);
      AtomicInteger fx1Runs = new AtomicInteger();
      AtomicInteger fx2Runs = new AtomicInteger();
      ctx.effect(() -> {
        fx1Runs.incrementAndGet();
        int result = 0;
        if (c.get() < 2) {
          result += a.get();
        }
        if (c.get() > 1) {
          result += b.get();
        }
        fx1Out.set(result);
      });
      ctx.effect(() -> {
        fx2Runs.incrementAndGet();
        int result = 0;
        if (c.get() > 1) {
          result += a.get();
        }
        if (c.get() < 3) {
          result += b.get();
        }
        result += fx1Out.get();
        fx2Out.set(result);
      });
      assertEquals(1, fx1Out.get());
      assertEquals(3, fx2Out.get());
      fx1Runs.set(0);
      fx2Runs.set(0);

      b.set(3);
      assertEquals(1, fx1Out.get());
      assertEquals(4, fx2Out.get());
      assertEquals(0, fx1Runs.get());
      assertEquals(1, fx2Runs.get());

      c.set(2);
      assertEquals(3, fx1Out.get());
      assertEquals(7, fx2Out.get());
    }
  }

  @Nested
  @DisplayName("Graph Propagation")
  class GraphPropagation {
    @Test
    @DisplayName("#1 diamond")
    void diamond() {
      Signal<String> a = ctx.signal("a");
      Computed<String> b = ctx.computed(a::get);
      Computed<String> c = ctx.computed(a::get);
      AtomicInteger dCalls = new AtomicInteger();
      Computed<String> d = counting(dCalls, () -> b.get() + " " + c.get());
      assertEquals("a a", d.get());
      assertEquals(1, dCalls.get());

      a.set("aa");
      assertEquals("aa aa", d.get());
      assertEquals(2, dCalls.get());
    }

    @Test
    @DisplayName("#2 diamond + tail")
    void diamondWithATail() {
      Signal<String> a = ctx.signal("a");
      Computed<String> b = ctx.computed(a::get);
      Computed<String> c = ctx.computed(a::get);
      Computed<String> d = ctx.computed(() -> b.get() + " " + c.get());
      AtomicInteger eCalls = new AtomicInteger();
      Computed<String> e = counting(eCalls, d::get);
      assertEquals("a a", e.get());
      assertEquals(1, eCalls.get());

      a.set("aa");
      assertEquals("aa aa", e.get());
      assertEquals(2, eCalls.get());
    }

    @Test
    @DisplayName("#3 jagged diamond + tails")
    void jaggedDiamondWithTails() {
      Signal<String> a = ctx.signal("a");
      Computed<String> b = ctx.computed(a::get);
      Computed<String> c = ctx.computed(a::get);
      Computed<String> d = ctx.computed(c::get);
      AtomicInteger eCalls = new AtomicInteger();
      AtomicInteger fCalls = new AtomicInteger();
      AtomicInteger gCalls = new AtomicInteger();
      Computed<String> e = counting(eCalls, () -> b.get() + " " + d.get());
      Computed<String> f = counting(fCalls, e::get);
      Computed<String> g = counting(gCalls, e::get);
      assertEquals("a a", f.get());
      assertEquals("a a", g.get());
      eCalls.set(0);
      fCalls.set(0);
      gCalls.set(0);

      a.set("b");
      assertEquals("b b", e.get());
      assertEquals(1, eCalls.get());
      assertEquals("b b", f.get());
      assertEquals(1, fCalls.get());
      assertEquals("b b", g.get());
      assertEquals(1, gCalls.get());
    }

    @Test
    @DisplayName("#4 asymmetric diamond (different path lengths)")
    void asymmetricDiamond() {
      Signal<String> a = ctx.signal("a");
      Computed<String> b = ctx.computed(a::get);
      Computed<String> c = ctx.computed(a::get);
      Computed<String> d = ctx.computed(c::get);
      AtomicInteger eCalls = new AtomicInteger();
      Computed<String> e = counting(eCalls, () -> b.get() + " " + d.get());
      assertEquals("a a", e.get());
      assertEquals(1, eCalls.get());

      a.set("b");
      assertEquals("b b", e.get());
      assertEquals(2, eCalls.get());
    }

    @Test
    @DisplayName("#5 drop A→B→A updates")
    void skipConnectionEvaluatesTheTailOnce() {
      Signal<Integer> a = ctx.signal(2);
      Computed<Integer> b = ctx.computed(() -> a.get() - 1);
      Computed<Integer> c = ctx.computed(() -> a.get() + b.get());
      AtomicInteger dCalls = new AtomicInteger();
      Computed<String> d = counting(dCalls, () -> "d: " + c.get());
      assertEquals("d: 3", d.get());
      assertEquals(1, dCalls.get());

      a.set(4);
      assertEquals("d: 7", d.get());
      assertEquals(2, dCalls.get());
    }

    @Test
    @DisplayName("#6 one unchanged dep does not block update from changed dep")
    void oneUnchangedDependencyDoesNotBlockTheOther() {
      Signal<String> a = ctx.signal("a");
      Computed<String> b = ctx.computed(a::get);
      Computed<String> c = ctx.computed(() -> {
        a.get();
        return "c";
      });
      AtomicInteger dCalls = new AtomicInteger();
      Computed<String> d = counting(dCalls, () -> b.get() + " " + c.get());
      assertEquals("a c", d.get());
      dCalls.set(0);

      a.set("aa");
      assertEquals("aa c", d.get());
      assertEquals(1, dCalls.get());
    }

    @Test
    @DisplayName("#7 unchanged computed values stop propagation to downstream")
    void unchangedComputedsStopPropagation() {
      Signal<String> a = ctx.signal("a");
      Computed<String> b = ctx.computed(() -> {
        a.get();
        return "b";
      });
      Computed<String> c = ctx.computed(() -> {
        a.get();
        return "c";
      });
      AtomicInteger dCalls = new AtomicInteger();
      Computed<String> d = counting(dCalls, () -> b.get() + " " + c.get());
      assertEquals("b c", d.get());
      dCalls.set(0);

      a.set("aa");
      assertEquals("b c", d.get());
      assertEquals(0, dCalls.get());
    }

    @Test
    @DisplayName("#8 topological order")
    void topologicalOrder() {
      Signal<Integer> a = ctx.signal(0);
      List<String> order = new ArrayList<>();
      Computed<Integer> b = ctx.computed(() -> {
        int v = a.get();
        order.add("b");
        return v;
      });
      Computed<Integer> c = ctx.computed(() -> {
        int v = a.get();
        order.add("c");
        return v;
      });
      Computed<Integer> d = ctx.computed(() -> {
        int v = b.get() + c.get();
        order.add("d");
        return v;
      });
      assertEquals(0, d.get());
      order.clear();

      a.set(1);
      assertEquals(2, d.get());
      assertTrue(order.indexOf("d") > order.indexOf("b"), "d after b: " + order);
      assertTrue(order.indexOf("d") > order.indexOf("c"), "d after c: " + order);
      assertEquals(1, order.stream().filter("d"::equals).count(), "d once: " + order);
    }

    @Test
    @DisplayName("#9 linear convergence")
    void linearConvergence() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(a::get);
      AtomicInteger cCalls = new AtomicInteger();
      AtomicInteger dCalls = new AtomicInteger();
      Computed<Integer> c = counting(cCalls, () -> a.get() + b.get());
      Computed<Integer> d = counting(dCalls, () -> a.get() + c.get());
      assertEquals(0, d.get());
      cCalls.set(0);
      dCalls.set(0);

      a.set(1);
      assertEquals(3, d.get());
      assertEquals(1, cCalls.get());
      assertEquals(1, dCalls.get());
    }

    @Test
    @DisplayName("#10 exponential convergence")
    void exponentialConvergence() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(a::get);
      AtomicInteger cCalls = new AtomicInteger();
      AtomicInteger dCalls = new AtomicInteger();
      AtomicInteger eCalls = new AtomicInteger();
      Computed<Integer> c = counting(cCalls, () -> b.get() + a.get());
      Computed<Integer> d = counting(dCalls, () -> c.get() + b.get());
      Computed<Integer> e = counting(eCalls, () -> d.get() + c.get());
      assertEquals(0, e.get());
      cCalls.set(0);
      dCalls.set(0);
      eCalls.set(0);

      a.set(1);
      assertEquals(5, e.get());
      assertEquals(1, cCalls.get());
      assertEquals(1, dCalls.get());
      assertEquals(1, eCalls.get());
    }

    @Test
    @DisplayName("#116 other listeners still notified after one disposes")
    void otherEffectsStillRunAfterOneCloses() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> c = ctx.computed(() -> a.get() * 2);
      AtomicInteger runs1 = new AtomicInteger();
      AtomicInteger runs2 = new AtomicInteger();
      Effect first = ctx.effect(() -> {
        c.get();
        runs1.incrementAndGet();
      });
      ctx.effect(() -> {
        c.get();
        runs2.incrementAndGet();
      });
      assertEquals(1, runs1.get());
      assertEquals(1, runs2.get());

      first.close();

      a.set(1);
      assertEquals(1, runs1.get());
      assertEquals(2, runs2.get());

      a.set(2);
      assertEquals(1, runs1.get());
      assertEquals(3, runs2.get());
    }

    @Test
    @DisplayName("#157 three-way diamond: sub updates when two of three deps unmark")
    void threeWayDiamondUpdatesFromItsOneChangedBranch() {
      Signal<String> a = ctx.signal("a");
      Computed<String> b = ctx.computed(a::get);
      Computed<String> c = ctx.computed(() -> {
        a.get();
        return "c";
      });
      Computed<String> d = ctx.computed(() -> {
        a.get();
        return "d";
      });
      AtomicInteger eCalls = new AtomicInteger();
      Computed<String> e = counting(eCalls, () -> b.get() + " " + c.get() + " " + d.get());
      assertEquals("a c d", e.get());
      eCalls.set(0);

      a.set("aa");
      assertEquals("aa c d", e.get());
      assertEquals(1, eCalls.get());
    }

    @Test
    @DisplayName("#187 effect disposal deactivates upstream computed")
    void closingTheOnlyEffectStopsItsUpstreamComputeds() {
      Signal<String> a = ctx.signal("a");
      AtomicInteger bCalls = new AtomicInteger();
      AtomicInteger cCalls = new AtomicInteger();
      Computed<String> b = counting(bCalls, a::get);
      Computed<String> c = counting(cCalls, b::get);
      Computed<String> d = ctx.computed(a::get);
      AtomicReference<String> result = new AtomicReference<>("");
      Effect effect = ctx.effect(() -> result.set(c.get()));
      assertEquals("a", result.get());
      assertEquals("a", d.get());
      bCalls.set(0);
      cCalls.set(0);

      effect.close();
      a.set("aa");
      assertEquals(0, bCalls.get());
      assertEquals(0, cCalls.get());
      assertEquals("aa", d.get());
    }

    @Test
    @DisplayName("#188 batch + dynamic deps: unnecessary recompute avoided")
    void unreachableComputedIsNotRecomputedAfterABatch() {
      AtomicInteger cCalls = new AtomicInteger();
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      Computed<Object> c = counting(cCalls, () -> {
        b.get();
        return null;
      });
      Computed<Object> d = ctx.computed(() -> {
        if (a.get() == 0) {
          c.get();
        }
        return null;
      });
      d.get();
      assertEquals(1, cCalls.get());

      ctx.batch(() -> {
        b.set(1);
        a.set(1);
      });
      d.get();
      assertEquals(1, cCalls.get());
    }

    @Test
    @DisplayName("#189 multi-signal change: topological ordering preserved")
    void computedBehindADroppedBranchIsNotRecomputed() {
      Signal<Integer> a = ctx.signal(1);
      Signal<Integer> b = ctx.signal(1);
      Signal<Integer> c = ctx.signal(1);
      AtomicInteger dCalls = new AtomicInteger();
      Computed<Integer> d = counting(dCalls, c::get);
      Computed<Object> e = ctx.computed(() -> {
        if (a.get() > 0) {
          b.get();
          d.get();
        } else {
          b.get();
        }
        return null;
      });
      e.get();
      dCalls.set(0);

      a.set(2);
      b.set(2);
      c.set(2);
      e.get();
      assertEquals(1, dCalls.get());

      dCalls.set(0);
      a.set(-1);
      b.set(-1);
      c.set(-1);
      e.get();
      assertEquals(0, dCalls.get());
    }

    @Test
    @DisplayName("#190 computed notifies newly-subscribed effect after prior read")
    void effectSubscribingAfterAReadIsNotified() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(a::get);
      Computed<Integer> c = ctx.computed(b::get);
      c.get();
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        c.get();
        runs.incrementAndGet();
      });
      assertEquals(1, runs.get());

      a.set(1);
      assertEquals(2, runs.get());
    }

    @Test
    @DisplayName("#191 effect sees latest computed value when subscribing after source change")
    void effectSubscribingAfterASourceChangeSeesTheLatestValue() {
      Signal<Integer> s = ctx.signal(0);
      Computed<Integer> c = ctx.computed(s::get);
      c.get();

      s.set(1);

      AtomicInteger seen = new AtomicInteger(-1);
      ctx.effect(() -> seen.set(c.get()));
      assertEquals(1, seen.get());
    }

    @Test
    @DisplayName("#192 effect not re-run when computed dep value unchanged")
    void effectDoesNotRunWhenItsComputedIsUnchanged() {
      Signal<Integer> s = ctx.signal(0);
      Computed<Integer> c = ctx.computed(() -> {
        s.get();
        return 0;
      });
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        c.get();
        runs.incrementAndGet();
      });
      assertEquals(1, runs.get());

      s.set(1);
      assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("#204 multi-source fan-in")
    void fanInOfTwoSourcesChangedInOneBatch() {
      Signal<Integer> a = ctx.signal(1);
      Signal<Integer> b = ctx.signal(10);
      AtomicInteger cCalls = new AtomicInteger();
      Computed<Integer> c = counting(cCalls, () -> a.get() + b.get());
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        c.get();
        runs.incrementAndGet();
      });
      assertEquals(11, c.get());
      assertEquals(1, runs.get());
      cCalls.set(0);
      runs.set(0);

      ctx.batch(() -> {
        a.set(2);
        b.set(20);
      });
      assertEquals(22, c.get());
      assertEquals(1, cCalls.get());
      assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("#205 multi-source cross-diamond")
    void crossDiamondOfTwoSources() {
      Signal<Integer> a = ctx.signal(1);
      Signal<Integer> b = ctx.signal(10);
      AtomicInteger cCalls = new AtomicInteger();
      AtomicInteger dCalls = new AtomicInteger();
      AtomicInteger eCalls = new AtomicInteger();
      Computed<Integer> c = counting(cCalls, () -> a.get() + b.get());
      Computed<Integer> d = counting(dCalls, () -> a.get() * b.get());
      Computed<Integer> e = counting(eCalls, () -> c.get() + d.get());
      assertEquals(21, e.get());
      cCalls.set(0);
      dCalls.set(0);
      eCalls.set(0);

      a.set(2);
      b.set(20);
      assertEquals(62, e.get());
      assertEquals(1, cCalls.get());
      assertEquals(1, dCalls.get());
      assertEquals(1, eCalls.get());
    }

    @Test
    @DisplayName("#206 stacked diamonds")
    void stackedDiamonds() {
      Signal<Integer> a = ctx.signal(1);
      Computed<Integer> b = ctx.computed(a::get);
      Computed<Integer> c = ctx.computed(a::get);
      AtomicInteger dCalls = new AtomicInteger();
      Computed<Integer> d = counting(dCalls, () -> b.get() + c.get());
      Computed<Integer> e = ctx.computed(d::get);
      Computed<Integer> f = ctx.computed(d::get);
      AtomicInteger gCalls = new AtomicInteger();
      Computed<Integer> g = counting(gCalls, () -> e.get() + f.get());
      assertEquals(4, g.get());
      dCalls.set(0);
      gCalls.set(0);

      a.set(2);
      assertEquals(8, g.get());
      assertEquals(1, dCalls.get());
      assertEquals(1, gCalls.get());
    }

    @Test
    @DisplayName("#207 wide fan-out: all effects fire once")
    void wideFanOutRunsEachEffectOnce() {
      Signal<Integer> a = ctx.signal(0);
      int n = 6;
      AtomicInteger[] runs = new AtomicInteger[n];
      for (int i = 0; i < n; i++) {
        int offset = i;
        AtomicInteger count = runs[i] = new AtomicInteger();
        Computed<Integer> c = ctx.computed(() -> a.get() + offset);
        ctx.effect(() -> {
          c.get();
          count.incrementAndGet();
        });
      }
      for (int expected = 1; expected <= 3; expected++) {
        for (int i = 0; i < n; i++) {
          assertEquals(expected, runs[i].get(), "effect " + i);
        }
        a.set(expected);
      }
    }

    @Test
    @DisplayName("#208 deep asymmetric join (depth 3 vs 1)")
    void deepAsymmetricJoin() {
      Signal<Integer> a = ctx.signal(1);
      Computed<Integer> b = ctx.computed(a::get);
      Computed<Integer> c = ctx.computed(b::get);
      Computed<Integer> d = ctx.computed(c::get);
      Computed<Integer> e = ctx.computed(a::get);
      AtomicInteger fCalls = new AtomicInteger();
      Computed<Integer> f = counting(fCalls, () -> d.get() + e.get());
      assertEquals(2, f.get());
      fCalls.set(0);

      a.set(2);
      assertEquals(4, f.get());
      assertEquals(1, fCalls.get());
    }
  }

  @Nested
  @DisplayName("Stale Evaluation Order")
  class StaleEvaluationOrder {
    @Test
    @DisplayName("#94 stale invocation does not trigger pending computations")
    void diamondEvaluatesEachNodeOnce() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger bCalls = new AtomicInteger();
      AtomicInteger dCalls = new AtomicInteger();
      Computed<Integer> b = counting(bCalls, a::get);
      Computed<String> c = ctx.computed(() -> {
        a.get();
        return "c";
      });
      Computed<String> d = counting(dCalls, () -> b.get() + " " + c.get());
      assertEquals("0 c", d.get());
      bCalls.set(0);
      dCalls.set(0);

      a.set(1);
      assertEquals("1 c", d.get());
      assertEquals(1, bCalls.get());
      assertEquals(1, dCalls.get());
    }

    @Test
    @DisplayName("#95 stale computations evaluated before their dependees")
    void upstreamIsRefreshedBeforeItsReader() {
      List<String> order = new ArrayList<>();
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> {
        order.add("b");
        return a.get();
      });
      Computed<Integer> c = ctx.computed(() -> {
        order.add("c");
        return b.get();
      });
      assertEquals(0, c.get());
      order.clear();

      a.set(1);
      assertEquals(1, c.get());
      assertTrue(order.indexOf("b") < order.indexOf("c"), "b before c: " + order);
    }

    @Test
    @DisplayName("#158 stale chained computed accessed after update: values fresh")
    void everyNodeOfAChainIsFresh() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() + 1);
      Computed<Integer> c = ctx.computed(() -> b.get() + 1);
      Computed<Integer> d = ctx.computed(() -> c.get() + 1);
      assertEquals(3, d.get());

      a.set(10);
      assertEquals(11, b.get());
      assertEquals(12, c.get());
      assertEquals(13, d.get());
    }

    @Test
    @DisplayName("#159 pending computation created after dirty signal still updates")
    void computedCreatedAfterAWriteIsFreshAndReactive() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() * 2);

      a.set(5);

      Computed<Integer> c = ctx.computed(() -> b.get() + 1);
      assertEquals(11, c.get());

      a.set(10);
      assertEquals(21, c.get());
    }

    @Test
    @DisplayName("#97 flags indirectly updated during dirty-checking")
    void directAndIndirectPathsAgree() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(a::get);
      Computed<Integer> c = ctx.computed(b::get);
      Computed<Integer> d = ctx.computed(() -> a.get() + c.get());
      assertEquals(0, d.get());
      a.set(1);
      assertEquals(2, d.get());
    }
  }

  @Nested
  @DisplayName("Effect Lifecycle")
  class EffectLifecycle {
    @Test
    @DisplayName("#35 effect runs callback immediately on creation")
    void effectRunsWhenCreated() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a);
      assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("#36 effect re-runs when dependency changes")
    void effectRerunsOnEachChange() {
      Signal<String> a = ctx.signal("a");
      List<String> values = new ArrayList<>();
      ctx.effect(() -> values.add(a.get()));
      assertEquals(List.of("a"), values);

      a.set("b");
      assertEquals(List.of("a", "b"), values);

      a.set("c");
      assertEquals(List.of("a", "b", "c"), values);
    }

    @Test
    @DisplayName("#37 effect disposal stops re-runs")
    void closedEffectDoesNotRerun() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      Effect effect = countRuns(runs, a);
      assertEquals(1, runs.get());

      effect.close();
      a.set(1);
      assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("#38 effect cleanup fn called before each re-run")
    void cleanupRunsBeforeEachRerun() {
      Signal<Integer> a = ctx.signal(0);
      List<String> log = new ArrayList<>();
      ctx.effect(cleanup -> {
        int v = a.get();
        log.add("run:" + v);
        cleanup.add(() -> log.add("cleanup:" + v));
      });
      assertEquals(List.of("run:0"), log);

      a.set(1);
      assertEquals(List.of("run:0", "cleanup:0", "run:1"), log);

      a.set(2);
      assertEquals(List.of("run:0", "cleanup:0", "run:1", "cleanup:1", "run:2"), log);
    }

    @Test
    @DisplayName("#39 effect cleanup fn called on disposal")
    void cleanupRunsOnClose() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger cleanups = new AtomicInteger();
      Effect effect = ctx.effect(cleanup -> {
        a.get();
        cleanup.add(cleanups::incrementAndGet);
      });
      assertEquals(0, cleanups.get());

      effect.close();
      assertEquals(1, cleanups.get());
    }

    @Test
    @DisplayName("#40 effect cleanup runs outside reactive evaluation context")
    void readsOfACleanupAreNotDependencies() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(100);
      AtomicInteger effectRuns = new AtomicInteger();
      ctx.effect(cleanup -> {
        a.get();
        effectRuns.incrementAndGet();
        cleanup.add(b::get);
      });
      assertEquals(1, effectRuns.get());

      a.set(1);
      assertEquals(2, effectRuns.get());

      b.set(200);
      assertEquals(2, effectRuns.get());
    }

    @Test
    @DisplayName("#42 effect not executed if disposed during pending batch")
    void effectClosedInAPendingBatchDoesNotRun() {
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
    @DisplayName("#108 effect self-dispose during execution is safe")
    void effectClosingItselfInARunStops() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        a.get();
        if (runs.incrementAndGet() == 2) {
          Effect.current().close();
        }
      });
      assertEquals(1, runs.get());

      a.set(1);
      assertEquals(2, runs.get());

      a.set(2);
      assertEquals(2, runs.get());
    }

    @Test
    @DisplayName("#110 double-dispose is safe")
    void closingTwiceIsSafe() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger cleanups = new AtomicInteger();
      Effect effect = ctx.effect(cleanup -> {
        a.get();
        cleanup.add(cleanups::incrementAndGet);
      });

      effect.close();
      assertEquals(1, cleanups.get());

      effect.close();
      assertTrue(cleanups.get() <= 2, "cleanups: " + cleanups.get());
    }

    @Test
    @DisplayName("#111 cleanup-triggered dispose prevents re-run")
    void effectClosedByItsOwnCleanupDoesNotRerun() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      AtomicReference<Effect> self = new AtomicReference<>();
      self.set(ctx.effect(cleanup -> {
        runs.incrementAndGet();
        a.get();
        cleanup.add(() -> self.get().close());
      }));
      assertEquals(1, runs.get());

      a.set(1);
      assertTrue(runs.get() <= 2, "runs: " + runs.get());

      a.set(2);
      assertTrue(runs.get() <= 2, "runs: " + runs.get());
    }

    @Test
    @DisplayName("#141 dispose during execution then continue: no re-run")
    void effectClosedMidRunDoesNotRerun() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        runs.incrementAndGet();
        if (a.get() == 1) {
          Effect.current().close();
        }
        b.get();
      });
      assertEquals(1, runs.get());

      a.set(1);
      assertEquals(2, runs.get());

      b.set(1);
      assertEquals(2, runs.get());

      a.set(2);
      assertEquals(2, runs.get());
    }

    @Test
    @DisplayName("#143 destroyed effect not re-scheduled on later updates")
    void closedEffectIsNeverScheduledAgain() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      Effect effect = countRuns(runs, a, b);
      assertEquals(1, runs.get());

      effect.close();
      a.set(1);
      b.set(1);
      a.set(2);
      b.set(2);
      assertEquals(1, runs.get());
    }

    @Test
    @DisplayName("#178 dispose cleanup reads don't leak to parent tracking context")
    void readsOfACleanupRunByAnotherEffectAreNotItsDependencies() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(100);
      AtomicInteger outerRuns = new AtomicInteger();
      Effect inner = ctx.effect(cleanup -> {
        a.get();
        cleanup.add(b::get);
      });
      ctx.effect(() -> {
        a.get();
        outerRuns.incrementAndGet();
        if (a.get() == 1) {
          inner.close();
        }
      });
      outerRuns.set(0);

      a.set(1);
      assertEquals(1, outerRuns.get());

      outerRuns.set(0);
      b.set(200);
      assertEquals(0, outerRuns.get());
    }

    @Test
    @DisplayName("#214 parent disposes and recreates child: downstream sees correct value")
    void computedCreatedByEachRunReadsTheLatestValue() {
      Signal<Integer> a = ctx.signal(1);
      AtomicReference<Computed<Integer>> innerComputed = new AtomicReference<>();
      ctx.effect(() -> {
        Computed<Integer> c = ctx.computed(a::get);
        a.get();
        innerComputed.set(c);
      });
      assertEquals(1, innerComputed.get().get());

      a.set(2);
      assertEquals(2, innerComputed.get().get());

      a.set(3);
      assertEquals(3, innerComputed.get().get());
    }
    @Test
    @DisplayName("#201 computed-triggered disposal: effect skipped and no subscription leak")
    void effectClosedByAComputedDuringPropagationDoesNotRun() {
      Signal<Integer> s = ctx.signal(0);
      AtomicReference<Effect> first = new AtomicReference<>();
      AtomicInteger e1runs = new AtomicInteger();
      Computed<Integer> a = ctx.computed(() -> {
        if (s.get() == 1) {
          first.get().close();
        }
        return s.get();
      });
      first.set(ctx.effect(() -> {
        a.get();
        e1runs.incrementAndGet();
      }));
      ctx.effect(() -> a.get()); // keeps a watched

      assertEquals(1, e1runs.get());
      s.set(1);
      assertEquals(1, e1runs.get(), "closed during propagation");

      s.set(2);
      s.set(3);
      assertEquals(1, e1runs.get(), "no subscription left behind");
    }

    @Test
    @DisplayName("#202 computed-triggered disposal: sibling effects still notified")
    void siblingOfAnEffectClosedByAComputedStillRuns() {
      Signal<Integer> s = ctx.signal(0);
      AtomicReference<Effect> first = new AtomicReference<>();
      AtomicInteger e2Value = new AtomicInteger(-1);
      Computed<Integer> a = ctx.computed(() -> {
        if (s.get() == 1) {
          first.get().close();
        }
        return s.get();
      });
      first.set(ctx.effect(() -> a.get()));
      ctx.effect(() -> e2Value.set(a.get()));

      assertEquals(0, e2Value.get());
      s.set(1);
      assertEquals(1, e2Value.get());
    }

    @Test
    @DisplayName("#203 computed disposal with unchanged-value sibling computed")
    void effectClosedByAComputedNextToAnUnchangedOne() {
      Signal<Integer> s = ctx.signal(0);
      AtomicReference<Effect> effect = new AtomicReference<>();
      Computed<Integer> a = ctx.computed(() -> {
        s.get();
        return 0;
      });
      Computed<Integer> a2 = ctx.computed(() -> {
        if (s.get() != 0) {
          effect.get().close();
        }
        return s.get();
      });
      Computed<Integer> b = ctx.computed(() -> {
        a.get();
        a2.get();
        return 0;
      });
      effect.set(ctx.effect(() -> b.get()));

      s.set(1); // the original asserts only that this does not fail
      assertTrue(effect.get().isClosed());
    }
  }

  @Nested
  @DisplayName("Nested Effects & Ordering")
  class NestedEffects {
    @Test
    @DisplayName("#43 outer effect runs before inner effect")
    void outerRunsBeforeInner() {
      List<String> order = new ArrayList<>();
      Signal<Integer> a = ctx.signal(0);
      ctx.effect(() -> {
        order.add("outer");
        a.get();
        ctx.effect(() -> {
          order.add("inner");
          a.get();
        });
      });
      assertEquals("outer", order.get(0));
    }

    @Test
    @DisplayName("#46 duplicate subscribers don't cause duplicate notifications")
    void readingASignalTwiceRunsTheEffectOncePerChange() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a, a);
      assertEquals(1, runs.get());

      a.set(1);
      assertEquals(2, runs.get());
    }

    @Test
    @DisplayName("#47 effect recursion handled on first execution")
    void effectWritingItsDependencyInItsFirstRunSettles() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        if (runs.incrementAndGet() == 1) {
          a.set(1);
        }
        a.get();
      });
      assertTrue(runs.get() <= 3, "runs: " + runs.get());
      assertEquals(1, a.get());
    }

    @Test
    @DisplayName("#163 parent effect not triggered by child's own signal")
    void signalCreatedAndWrittenByARunDoesNotRerunIt() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger parentRuns = new AtomicInteger();
      ctx.effect(() -> {
        a.get();
        parentRuns.incrementAndGet();
        Signal<Integer> childSignal = ctx.signal(0);
        ctx.effect(() -> childSignal.get());
        childSignal.set(1);
      });
      int runsAfterSetup = parentRuns.get();
      assertTrue(runsAfterSetup >= 1, "runs: " + runsAfterSetup);

      a.set(1);
      assertEquals(runsAfterSetup + 1, parentRuns.get());
    }

    @Test
    @DisplayName("#164 inner autorun created inside outer tracks own deps")
    void innerEffectTracksItsOwnDependencies() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      AtomicInteger innerRuns = new AtomicInteger();
      ctx.effect(() -> {
        a.get();
        ctx.effect(() -> {
          b.get();
          innerRuns.incrementAndGet();
        });
      });
      innerRuns.set(0);

      b.set(1);
      assertTrue(innerRuns.get() >= 1, "inner runs: " + innerRuns.get());
    }

    @Test
    @DisplayName("#170 inner effect not triggered when computed dep resolves unchanged")
    void innerEffectDoesNotRunWhenItsComputedIsUnchanged() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() % 2);
      AtomicInteger innerRuns = new AtomicInteger();
      ctx.effect(() -> ctx.effect(() -> {
        b.get();
        innerRuns.incrementAndGet();
      }));
      int initial = innerRuns.get();

      a.set(2);
      assertEquals(initial, innerRuns.get());
    }

    @Test
    @DisplayName("#209 three-level nested effect: cascading disposal")
    void closingTheOuterEffectClosesAllLevels() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger middleRuns = new AtomicInteger();
      AtomicInteger innerRuns = new AtomicInteger();
      Effect outer = ctx.effect(() -> {
        a.get();
        ctx.effect(() -> {
          a.get();
          middleRuns.incrementAndGet();
          ctx.effect(() -> {
            a.get();
            innerRuns.incrementAndGet();
          });
        });
      });
      middleRuns.set(0);
      innerRuns.set(0);

      outer.close();
      a.set(1);
      assertEquals(0, middleRuns.get());
      assertEquals(0, innerRuns.get());
    }

    @Test
    @DisplayName("#210 multiple inner effects all cleaned when outer re-runs")
    void everyInnerEffectIsClosedWhenTheOuterReruns() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      Signal<Integer> c = ctx.signal(0);
      AtomicInteger bRuns = new AtomicInteger();
      AtomicInteger cRuns = new AtomicInteger();
      ctx.effect(() -> {
        a.get();
        countRuns(bRuns, b);
        countRuns(cRuns, c);
      });

      a.set(1);
      bRuns.set(0);
      cRuns.set(0);

      b.set(1);
      assertEquals(1, bRuns.get());

      c.set(1);
      assertEquals(1, cRuns.get());
    }

    @Test
    @DisplayName("#48 nested effects depend on state of outer effects")
    void innerEffectSeesTheOuterRunsState() {
      Signal<Integer> a = ctx.signal(0);
      List<Integer> observed = new ArrayList<>();
      ctx.effect(() -> {
        int val = a.get();
        ctx.effect(() -> observed.add(val));
      });
      assertTrue(observed.contains(0), "observed: " + observed);
    }

    @Test
    @DisplayName("#226 outer keeps responding to own deps after inner re-runs")
    void outerRespondsToItsDependencyAfterTheInnerReran() {
      assertOuterKeepsRespondingAfterInnerReruns(1);
    }

    @Test
    @DisplayName("#227 outer responds after one of multiple sibling inners re-runs")
    void outerRespondsAfterOneOfItsInnersReran() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b1 = ctx.signal(0);
      Signal<Integer> b2 = ctx.signal(0);
      AtomicInteger outerRuns = new AtomicInteger();
      AtomicInteger inner1Runs = new AtomicInteger();
      AtomicInteger inner2Runs = new AtomicInteger();
      ctx.effect(() -> {
        a.get();
        outerRuns.incrementAndGet();
        countRuns(inner1Runs, b1);
        countRuns(inner2Runs, b2);
      });
      assertEquals(1, outerRuns.get());
      assertEquals(1, inner1Runs.get());
      assertEquals(1, inner2Runs.get());

      b1.set(1);
      assertEquals(1, outerRuns.get());
      assertTrue(inner1Runs.get() >= 2, "inner 1 runs: " + inner1Runs.get());

      a.set(1);
      assertEquals(2, outerRuns.get());
    }

    @Test
    @DisplayName("#228 outer responds after inner re-runs multiple times")
    void outerRespondsAfterTheInnerRanSeveralTimes() {
      assertOuterKeepsRespondingAfterInnerReruns(3);
    }
  }

  @Nested
  @DisplayName("Inner Write")
  class InnerWrite {
    @Test
    @DisplayName("#50 effect writes back to signal")
    void effectWritesADerivedValue() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      ctx.effect(() -> b.set(a.get() * 2));
      assertEquals(0, b.get());
      a.set(5);
      assertEquals(10, b.get());
    }

    @Test
    @DisplayName("#51 effect cleanup modifying dependency does not retrigger")
    void cleanupWritingTheDependencyDoesNotLoop() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(cleanup -> {
        runs.incrementAndGet();
        a.get();
        cleanup.add(() -> a.set(999));
      });
      assertEquals(1, runs.get());

      a.set(1);
      assertTrue(runs.get() >= 2 && runs.get() <= 3, "runs: " + runs.get());
    }

    @Test
    @DisplayName("#52 computed writing to signal")
    void computedMayNotWrite() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> sideChannel = ctx.signal(0);
      Computed<Integer> c = ctx.computed(() -> {
        int v = a.get();
        sideChannel.set(v * 10);
        return v;
      });
      // the original accepts a framework that forbids it; Statewire does
      assertThrows(IllegalWriteException.class, c::get);
      assertEquals(0, sideChannel.get());
    }

    @Test
    @DisplayName("#53 inner write: only final value observed")
    void effectEndsOnTheLastWrittenValue() {
      Signal<Integer> a = ctx.signal(0);
      List<Integer> values = new ArrayList<>();
      ctx.effect(() -> values.add(a.get()));
      assertEquals(List.of(0), values);

      a.set(1);
      a.set(2);
      a.set(3);
      assertEquals(3, values.get(values.size() - 1));
    }

    @Test
    @DisplayName("#54 inner mutations propagate until changes settle")
    void innerWritesPropagateUntilSettled() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      ctx.effect(() -> {
        if (a.get() > 0 && b.get() == 0) {
          b.set(a.get());
        }
      });
      a.set(5);
      assertEquals(5, b.get());
    }

    @Test
    @DisplayName("#55 effect re-scheduled when writing signal before reading")
    void effectSeesAWrite() {
      Signal<Integer> a = ctx.signal(0);
      List<Integer> values = new ArrayList<>();
      ctx.effect(() -> values.add(a.get()));
      a.set(1);
      assertEquals(1, values.get(values.size() - 1));
    }

    @Test
    @DisplayName("#56 effect re-scheduled after reading from derived then writing")
    void effectSeesAWriteThroughAComputed() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(a::get);
      List<Integer> values = new ArrayList<>();
      ctx.effect(() -> values.add(b.get()));
      assertEquals(List.of(0), values);

      a.set(1);
      assertEquals(1, values.get(values.size() - 1));
    }

    @Test
    @DisplayName("#114 inner write final value unchanged: no downstream notification")
    void innerWriteBackToTheOldValueNotifiesDownstreamAtMostOnce() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger downstreamRuns = new AtomicInteger();
      ctx.effect(() -> {
        if (a.get() == 1) {
          a.set(0);
        }
      });
      Computed<Integer> c = ctx.computed(a::get);
      ctx.effect(() -> {
        c.get();
        downstreamRuns.incrementAndGet();
      });
      int downstreamBefore = downstreamRuns.get();

      a.set(1);
      assertEquals(0, a.get());
      assertTrue(downstreamRuns.get() <= downstreamBefore + 1,
          "downstream runs: " + downstreamRuns.get());
    }

    @Test
    @DisplayName("#133 listener writes back: second listener skipped if no net change")
    void secondEffectSeesTheSettledValue() {
      Signal<Integer> a = ctx.signal(0);
      List<Integer> values2 = new ArrayList<>();
      ctx.effect(() -> {
        if (a.get() == 1) {
          a.set(0);
        }
      });
      ctx.effect(() -> values2.add(a.get()));

      a.set(1);
      assertEquals(0, a.get());
      assertEquals(0, values2.get(values2.size() - 1));
    }

    @Test
    @DisplayName("#134 listener writes back: second listener gets final value")
    void secondEffectSeesTheValueTheFirstWrote() {
      Signal<Integer> a = ctx.signal(0);
      List<Integer> finalValues = new ArrayList<>();
      ctx.effect(() -> {
        if (a.get() == 1) {
          a.set(10);
        }
      });
      ctx.effect(() -> finalValues.add(a.get()));

      a.set(1);
      assertEquals(10, a.get());
      assertEquals(10, finalValues.get(finalValues.size() - 1));
    }

    @Test
    @DisplayName("#180 inner write through computed chain resets signal")
    void effectResettingItsSourceThroughAComputed() {
      Signal<Boolean> s = ctx.signal(false);
      Computed<Boolean> c = ctx.computed(s::get);
      AtomicInteger runs = new AtomicInteger();
      ctx.effect(() -> {
        runs.incrementAndGet();
        if (c.get()) {
          s.set(false);
        }
      });
      assertEquals(1, runs.get());

      s.set(true);
      assertEquals(false, s.get());
      assertTrue(runs.get() >= 2, "runs: " + runs.get());
      boolean effectReRuns = runs.get() >= 3;
      int runsAfterFirst = runs.get();

      s.set(true);
      if (effectReRuns) {
        assertEquals(false, s.get());
        assertTrue(runs.get() >= runsAfterFirst + 2, "runs: " + runs.get());
      } else {
        assertEquals(true, s.get());
        assertEquals(runsAfterFirst, runs.get());
      }
    }

    @Test
    @DisplayName("#113 inner write convergence: converges or cycle-detects")
    void effectIncrementingItsSourceConverges() {
      Signal<Integer> counter = ctx.signal(0);
      int target = 5;
      AtomicInteger iterations = new AtomicInteger();
      ctx.effect(() -> {
        if (iterations.incrementAndGet() > 100) {
          throw new IllegalStateException("bail");
        }
        int v = counter.get();
        if (v < target) {
          counter.set(v + 1);
        }
      });
      int value = counter.get();
      boolean converged = value == target;
      boolean cycleDetected = iterations.get() <= 100 && value < target;
      assertTrue(converged || cycleDetected, "value " + value + ", iterations " + iterations);
      if (converged) {
        assertTrue(iterations.get() <= target + 1, "iterations: " + iterations.get());
      }
    }

    @Test
    @DisplayName("#213 inner write during initial effect execution doesn't block future propagation")
    void effectResettingItsSourceInItsFirstRunKeepsReacting() {
      Signal<Integer> s = ctx.signal(1);
      Computed<Integer> c = ctx.computed(s::get);
      ctx.effect(() -> {
        if (c.get() > 0) {
          s.set(0);
        }
      });
      assertEquals(0, s.get());

      s.set(2);
      assertEquals(0, s.get());

      s.set(3);
      assertEquals(0, s.get());
    }

    @Test
    @DisplayName("#212 inner write through computed doesn't block future propagation")
    void effectResettingItsSourceKeepsReacting() {
      Signal<Integer> s = ctx.signal(0);
      Computed<Integer> c = ctx.computed(s::get);
      ctx.effect(() -> {
        if (c.get() > 0) {
          s.set(0);
        }
      });

      s.set(1);
      assertEquals(0, s.get());

      s.set(2);
      assertEquals(0, s.get());

      s.set(3);
      assertEquals(0, s.get());
    }
  }

  @Nested
  @DisplayName("Error Handling")
  class ErrorHandling {
    @Test
    @DisplayName("#84 graph stays consistent after error in initial computed")
    void computedFailingItsFirstEvaluationRecovers() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> {
        if (a.get() == 0) {
          throw new IllegalStateException("initial error");
        }
        return a.get();
      });
      assertEquals("initial error", assertThrows(IllegalStateException.class, b::get).getMessage());

      a.set(1);
      assertEquals(1, b.get());
    }

    @Test
    @DisplayName("#89 effect cleanup reset when effect throws")
    void cleanupOfTheLastRunRunsBeforeAFailingRun() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger cleanups = new AtomicInteger();
      ctx.effect(cleanup -> {
        if (a.get() == 1) {
          throw new IllegalStateException("effect error");
        }
        cleanup.add(cleanups::incrementAndGet);
      });

      a.set(1);
      assertEquals(1, cleanups.get());
      assertEquals(List.of("effect error"), errors, "the failure reaches the error handler");
      errors.clear();
    }

    @Test
    @DisplayName("#90 effect disposed when cleanup throws")
    void failingCleanupDoesNotLoop() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger effectRuns = new AtomicInteger();
      Effect effect = ctx.effect(cleanup -> {
        effectRuns.incrementAndGet();
        a.get();
        cleanup.add(() -> {
          throw new IllegalStateException("cleanup error");
        });
      });

      a.set(1);
      int runsAfterError = effectRuns.get();
      a.set(2);
      assertTrue(effectRuns.get() <= runsAfterError + 1, "runs: " + effectRuns.get());
      effect.close(); // its last cleanup fails too, here rather than when the context closes
      assertTrue(errors.stream().allMatch("cleanup error"::equals), "errors: " + errors);
      errors.clear();
    }

    @Test
    @DisplayName("#91 exception halts propagation but other branches remain intact")
    void failingBranchLeavesOtherBranchesIntact() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(10);
      Computed<Integer> bad = ctx.computed(() -> {
        if (a.get() > 0) {
          throw new IllegalStateException("branch error");
        }
        return a.get();
      });
      AtomicInteger goodCalls = new AtomicInteger();
      Computed<Integer> good = counting(goodCalls, () -> b.get() * 2);
      assertEquals(20, good.get());

      a.set(1);
      assertThrows(IllegalStateException.class, bad::get);

      goodCalls.set(0);
      b.set(20);
      assertEquals(40, good.get());
      assertEquals(1, goodCalls.get());
    }

    @Test
    @DisplayName("#92 no stale scheduled updates left after exception")
    void computedRecoversAfterAFailure() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> {
        if (a.get() == 1) {
          throw new IllegalStateException("stale error");
        }
        return a.get() * 2;
      });
      assertEquals(0, b.get());

      a.set(1);
      assertEquals("stale error", assertThrows(IllegalStateException.class, b::get).getMessage());

      a.set(2);
      assertEquals(4, b.get());

      a.set(3);
      assertEquals(6, b.get());
    }

    @Test
    @DisplayName("#154 batch throw: effects survive, graph consistent")
    void effectsSurviveAThrowingBatch() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger runs = new AtomicInteger();
      countRuns(runs, a);
      assertEquals(1, runs.get());

      assertThrows(IllegalStateException.class, () -> ctx.batch(() -> {
        a.set(1);
        throw new IllegalStateException("batch boom");
      }));
      assertTrue(runs.get() >= 2, "runs: " + runs.get());

      a.set(2);
      assertTrue(runs.get() >= 3, "runs: " + runs.get());
      assertEquals(2, a.get());
    }

    @Test
    @DisplayName("#155 errors cached when watched by effect (live caching)")
    void watchedFailingComputedIsNotRecomputedOnEachRead() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger computeCalls = new AtomicInteger();
      Computed<Integer> c = counting(computeCalls, () -> {
        if (a.get() == 0) {
          throw new IllegalStateException("live error");
        }
        return a.get();
      });
      AtomicReference<Throwable> effectError = new AtomicReference<>();
      ctx.effect(() -> {
        try {
          c.get();
        } catch (IllegalStateException e) {
          effectError.set(e);
        }
      });
      int callsAfter = computeCalls.get();

      assertThrows(IllegalStateException.class, c::get);
      assertTrue(computeCalls.get() <= callsAfter + 1, "calls: " + computeCalls.get());

      a.set(1);
      assertEquals(1, c.get());
    }

    @Test
    @DisplayName("#177 skipped effects from failed flush not re-triggered by unrelated signal")
    void effectsOfAFailedRoundAreNotRerunByAnUnrelatedWrite() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      Signal<Integer> c = ctx.signal(0);
      Computed<Integer> d = ctx.computed(c::get);
      ctx.effect(() -> a.get());
      ctx.effect(() -> {
        if (a.get() == 2) {
          throw new IllegalStateException("effect2 error");
        }
      });
      AtomicInteger effect3Runs = new AtomicInteger();
      ctx.effect(() -> {
        a.get();
        d.get();
        effect3Runs.incrementAndGet();
      });

      a.set(2);
      effect3Runs.set(0);

      b.set(1);
      assertEquals(0, effect3Runs.get());
      assertEquals(List.of("effect2 error"), errors);
      errors.clear();
    }

    @Test
    @DisplayName("#211 computed error chain: downstream computed also throws")
    void downstreamOfAFailingComputedFailsAndRecovers() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> {
        if (a.get() == 1) {
          throw new IllegalStateException("source error");
        }
        return a.get();
      });
      Computed<Integer> c = ctx.computed(() -> b.get() * 2);
      assertEquals(0, c.get());

      a.set(1);
      assertThrows(IllegalStateException.class, c::get);

      a.set(2);
      assertEquals(2, b.get());
      assertEquals(4, c.get());
    }

    @Test
    @DisplayName("#247 flush queue consistent after effect throw")
    void effectsSkippedByAFailureDoNotLeakIntoTheNextRound() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      AtomicInteger e3Runs = new AtomicInteger();
      ctx.effect(() -> a.get());
      ctx.effect(() -> {
        if (a.get() == 1) {
          throw new IllegalStateException("e2 error");
        }
      });
      countRuns(e3Runs, a);
      ctx.effect(() -> b.get());

      a.set(1);
      e3Runs.set(0);

      b.set(1);
      assertEquals(0, e3Runs.get());
      assertEquals(List.of("e2 error"), errors);
      errors.clear();
    }

    @Test
    @DisplayName("#93 exception recovery in computed")
    void computedAlternatesBetweenFailingAndSucceeding() {
      Signal<Boolean> a = ctx.signal(true);
      Computed<String> b = ctx.computed(() -> {
        if (a.get()) {
          throw new IllegalStateException("fail");
        }
        return "ok";
      });
      assertEquals("fail", assertThrows(IllegalStateException.class, b::get).getMessage());

      a.set(false);
      assertEquals("ok", b.get());

      a.set(true);
      assertEquals("fail", assertThrows(IllegalStateException.class, b::get).getMessage());
    }
  }

  @Nested
  @DisplayName("Cycle & Infinite Loop Detection")
  class CycleDetection {
    /**
     * Runs a case the original allows to end either normally or by detecting the cycle (a
     * throw, or a failure reported to the error handler); returns nothing, the caller asserts
     * the bound.
     */
    private void endsOrDetectsTheCycle(Runnable body) {
      try {
        body.run();
      } catch (RuntimeException detected) {
        // the cycle was detected: a valid outcome
      }
      errors.clear(); // a runaway reported to the error handler is detection too
    }

    @Test
    @DisplayName("#61 indirect cycle through effects")
    void effectWritingWhatItReadIsBounded() {
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger iterations = new AtomicInteger();
      endsOrDetectsTheCycle(() -> ctx.effect(() -> {
        int v = a.get();
        if (iterations.getAndIncrement() < 100) {
          a.set(v + 1);
        }
      }));
      assertTrue(iterations.get() <= 200, "iterations: " + iterations.get());
    }

    @Test
    @DisplayName("#63 cycle from modifying a branch (dynamic cycle creation)")
    void cycleCreatedByABranchSwitchIsBounded() {
      Signal<Boolean> cond = ctx.signal(false);
      Signal<Integer> a = ctx.signal(0);
      AtomicInteger iterations = new AtomicInteger();
      endsOrDetectsTheCycle(() -> {
        ctx.effect(() -> {
          if (iterations.getAndIncrement() > 100) {
            throw new IllegalStateException("bail");
          }
          if (cond.get()) {
            a.set(a.get() + 1);
          } else {
            a.get();
          }
        });
        cond.set(true);
      });
      assertTrue(iterations.get() <= 200, "iterations: " + iterations.get());
    }

    @Test
    @DisplayName("#64 max iteration limit reached")
    void pingPongBetweenTwoEffectsIsBounded() {
      Signal<Integer> a = ctx.signal(0);
      Signal<Integer> b = ctx.signal(0);
      AtomicInteger iterations = new AtomicInteger();
      endsOrDetectsTheCycle(() -> {
        ctx.effect(() -> {
          iterations.incrementAndGet();
          int v = a.get();
          if (v < 100) {
            b.set(v);
          }
        });
        ctx.effect(() -> {
          int v = b.get();
          if (v < 100) {
            a.set(v + 1);
          }
        });
      });
      assertTrue(iterations.get() <= 300, "iterations: " + iterations.get());
    }
  }

  @Nested
  @DisplayName("Memory & GC")
  class MemoryAndGc {
    @Test
    @DisplayName("#160 consumer links cleaned after losing all listeners")
    void closingEveryEffectOfAComputedStopsItsRuns() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() * 2);
      AtomicInteger runs = new AtomicInteger();
      Effect first = ctx.effect(() -> {
        b.get();
        runs.incrementAndGet();
      });
      Effect second = ctx.effect(() -> b.get());
      assertEquals(1, runs.get());

      a.set(1);
      assertEquals(2, runs.get());

      first.close();
      second.close();

      a.set(2);
      assertEquals(2, runs.get());
      assertEquals(4, b.get());
    }

    @Test
    @DisplayName("#161 multi-level computed cleanup after all listeners removed")
    void closingTheEffectAtTheEndOfAChainStopsItsRuns() {
      Signal<Integer> a = ctx.signal(0);
      Computed<Integer> b = ctx.computed(() -> a.get() + 1);
      Computed<Integer> c = ctx.computed(() -> b.get() + 1);
      Computed<Integer> d = ctx.computed(() -> c.get() + 1);
      AtomicInteger runs = new AtomicInteger();
      Effect effect = ctx.effect(() -> {
        d.get();
        runs.incrementAndGet();
      });
      assertEquals(1, runs.get());

      a.set(1);
      assertEquals(2, runs.get());

      effect.close();

      a.set(2);
      assertEquals(2, runs.get());
      assertEquals(5, d.get());
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
