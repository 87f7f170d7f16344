package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EffectTest {
  private final List<String> errors = new ArrayList<>();
  private final ReactiveContext ctx = ReactiveContext.builder()
      .name("effects")
      .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
      .errorHandler((source, error) -> errors.add(source + ": " + error.getMessage()))
      .build();

  @Test
  void runsAtCreationThenAfterEachChange() {
    Signal<Integer> a = ctx.signal(1);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.get()));
    a.set(2);
    a.set(2);
    a.set(3);
    assertEquals(List.of(1, 2, 3), seen);
  }

  @Test
  void batchRunsEffectsOnceAtTheOutermostEnd() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> b = ctx.signal(1);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.get() + b.get()));
    ctx.batch(() -> {
      a.set(10);
      ctx.batch(() -> b.set(20));
      assertEquals(List.of(2), seen, "nothing runs inside the batch");
    });
    assertEquals(List.of(2, 30), seen);
  }

  @Test
  void batchThatThrowsStillRunsEffects() {
    Signal<Integer> a = ctx.signal(1);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.get()));
    assertThrows(IllegalStateException.class, () -> ctx.batch(() -> {
      a.set(2);
      throw new IllegalStateException("boom");
    }));
    assertEquals(List.of(1, 2), seen);
  }

  @Test
  void writeThenRestoreInsideABatchRunsNothing() {
    Signal<Integer> a = ctx.signal(1);
    AtomicInteger runs = new AtomicInteger();
    Computed<Integer> c = ctx.computed(() -> a.get() * 2);
    ctx.effect(() -> {
      c.get();
      runs.incrementAndGet();
    });
    ctx.batch(() -> {
      a.set(2);
      a.set(1);
    });
    assertEquals(1, runs.get(), "the computed value did not change");
  }

  @Test
  void effectsRunInCreationOrder() {
    Signal<Integer> a = ctx.signal(0);
    Computed<Integer> deep = ctx.computed(() -> a.get() + 1);
    Computed<Integer> deeper = ctx.computed(() -> deep.get() + 1);
    List<String> order = new ArrayList<>();
    ctx.effect(() -> {
      deeper.get();
      order.add("first");
    });
    ctx.effect(() -> {
      a.get();
      order.add("second");
    });
    ctx.effect(() -> {
      deep.get();
      order.add("third");
    });
    order.clear();
    a.set(1);
    assertEquals(List.of("first", "second", "third"), order);
  }

  @Test
  void creationOrderHoldsForManyEffects() {
    Signal<Integer> a = ctx.signal(0);
    List<Integer> order = new ArrayList<>();
    List<Computed<Integer>> layers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int index = i;
      // every other effect sits behind a computed, so propagation reaches them out of order
      Computed<Integer> c = ctx.computed(() -> a.get() + index);
      layers.add(c);
      ctx.effect(() -> {
        if (index % 2 == 0) {
          c.get();
        } else {
          a.get();
        }
        order.add(index);
      });
    }
    order.clear();
    a.set(1);
    for (int i = 0; i < 300; i++) {
      assertEquals(i, order.get(i));
    }
  }

  @Test
  void writesInsideAnEffectCauseAnotherRound() {
    Signal<Integer> celsius = ctx.signal(0);
    Signal<Integer> fahrenheit = ctx.signal(32);
    ctx.effect(() -> fahrenheit.set(celsius.get() * 9 / 5 + 32));
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(fahrenheit.get()));
    celsius.set(100);
    assertEquals(List.of(32, 212), seen);
  }

  @Test
  void runawayLoopFailsWithTheEffectsNamed() {
    ReactiveContext small = ReactiveContext.builder().maxEffectRounds(10).build();
    Signal<Integer> a = small.signal(0);
    small.effect(() -> {
      int value = a.get();
      if (value >= 100) {
        a.set(value + 1);
      }
    }).named("incrementer");
    RunawayEffectsException e = assertThrows(RunawayEffectsException.class, () -> a.set(100));
    assertTrue(e.effects().contains("Effect 'incrementer'"), e.getMessage());
    assertTrue(e.getMessage().contains("10 rounds"), e.getMessage());
    // the context is usable afterwards
    Signal<String> other = small.signal("x");
    List<String> seen = new ArrayList<>();
    small.effect(() -> seen.add(other.get()));
    other.set("y");
    assertEquals(List.of("x", "y"), seen);
  }

  @Test
  void anExceptionInOneEffectDoesNotStopTheOthers() {
    Signal<Integer> a = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> {
      if (a.get() == 1) {
        throw new IllegalStateException("bad value");
      }
    }).named("fragile");
    ctx.effect(() -> seen.add(a.get()));
    a.set(1);
    a.set(2);
    assertEquals(List.of(0, 1, 2), seen);
    assertEquals(List.of("Effect 'fragile': bad value"), errors);
  }

  @Test
  void cleanupRunsBeforeEachRerunAndOnClose() {
    Signal<Integer> a = ctx.signal(1);
    List<String> log = new ArrayList<>();
    Effect effect = ctx.effect(cleanup -> {
      int value = a.get();
      log.add("run " + value);
      cleanup.add(() -> log.add("cleanup " + value));
    });
    a.set(2);
    effect.close();
    assertEquals(List.of("run 1", "cleanup 1", "run 2", "cleanup 2"), log);
  }

  @Test
  void onCleanupRegistersOnTheRunningEffect() {
    Signal<Integer> a = ctx.signal(1);
    List<String> log = new ArrayList<>();
    Effect effect = ctx.effect(() -> {
      int value = a.get();
      Statewire.onCleanup(() -> log.add("cleanup " + value));
    });
    a.set(2);
    effect.close();
    assertEquals(List.of("cleanup 1", "cleanup 2"), log);
    assertThrows(IllegalStateException.class, () -> Statewire.onCleanup(() -> { }));
  }

  @Test
  void closeUnlinksTheEffect() {
    Signal<Integer> a = ctx.signal(1);
    Computed<Integer> c = ctx.computed(() -> a.get() + 1);
    AtomicInteger runs = new AtomicInteger();
    Effect effect = ctx.effect(() -> {
      c.get();
      runs.incrementAndGet();
    });
    effect.close();
    effect.close();
    a.set(2);
    assertEquals(1, runs.get());
    assertTrue(effect.isClosed());
    assertEquals(null, a.subs, "the signal no longer references anything");
    assertEquals(null, c.subs);
  }

  @Test
  void anEffectMayCloseItself() {
    Signal<Integer> a = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    Effect[] self = new Effect[1];
    self[0] = ctx.effect(() -> {
      seen.add(a.get());
      if (a.get() == 2 && self[0] != null) {
        self[0].close();
      }
    });
    a.set(1);
    a.set(2);
    a.set(3);
    assertEquals(List.of(0, 1, 2), seen);
    assertEquals(null, a.subs);
  }

  @Test
  void effectWithoutChangedDependencyDoesNotRun() {
    Signal<Integer> a = ctx.signal(1);
    Computed<Boolean> positive = ctx.computed(() -> a.get() > 0);
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      positive.get();
      runs.incrementAndGet();
    });
    a.set(2);
    a.set(3);
    assertEquals(1, runs.get());
    a.set(-1);
    assertEquals(2, runs.get());
  }

  @Test
  void aComputedCutOffByAnEarlierEffectsCheckRunsNoLaterEffect() {
    Signal<Integer> a = ctx.signal(1);
    Computed<Boolean> odd = ctx.computed(() -> a.get() % 2 != 0);
    Computed<String> label = ctx.computed(() -> odd.get() ? "odd" : "even");
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    AtomicInteger third = new AtomicInteger();
    ctx.effect(() -> {
      odd.get(); // its check recomputes odd first in the round: cut off
      first.incrementAndGet();
    });
    ctx.effect(() -> {
      odd.get(); // finds odd recomputed and unchanged
      second.incrementAndGet();
    });
    ctx.effect(() -> {
      label.get(); // reached through odd: label must not even re-run
      third.incrementAndGet();
    });
    a.set(3);
    ctx.batch(() -> {
      a.set(5);
      a.set(7);
    });
    assertEquals(List.of(1, 1, 1), List.of(first.get(), second.get(), third.get()));
    a.set(8);
    assertEquals(List.of(2, 2, 2), List.of(first.get(), second.get(), third.get()));
  }

  @Test
  void anEffectOnAChangedAndACutOffPathRunsOnceAfterBothSettle() {
    Signal<Integer> a = ctx.signal(1);
    Computed<Integer> doubled = ctx.computed(() -> a.get() * 2);
    Computed<Boolean> positive = ctx.computed(() -> a.get() > 0);
    List<String> early = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    ctx.effect(() -> early.add("doubled " + doubled.get())); // recomputes doubled first
    ctx.effect(() -> seen.add(positive.get() + " " + doubled.get() + " " + a.get()));
    a.set(2);
    a.set(-3);
    assertEquals(List.of("doubled 2", "doubled 4", "doubled -6"), early);
    assertEquals(List.of("true 2 1", "true 4 2", "false -6 -3"), seen);
  }

  @Test
  void anEffectReachedThroughTwoChangedPathsRunsOnceWithBothNewValues() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> b = ctx.signal(10);
    Computed<Integer> left = ctx.computed(() -> a.get() + 1);
    Computed<Integer> right = ctx.computed(() -> b.get() * 2);
    Computed<Integer> sum = ctx.computed(() -> left.get() + right.get());
    List<String> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(left.get() + "+" + right.get() + "=" + sum.get()));
    ctx.effect(() -> seen.add("right " + right.get())); // created later: runs after
    ctx.batch(() -> {
      a.set(2);
      b.set(20);
    });
    assertEquals(List.of("2+20=22", "right 20", "3+40=43", "right 40"), seen);
  }

  @Test
  void aComputedRecomputedBeforeTheRoundStillRunsItsEffectOnceOrNotAtAll() {
    Signal<Integer> a = ctx.signal(1);
    Computed<Integer> tens = ctx.computed(() -> a.get() / 10);
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      tens.get();
      runs.incrementAndGet();
    });
    ctx.batch(() -> {
      a.set(25);
      assertEquals(2, tens.peek()); // recomputed and changed inside the batch
    });
    assertEquals(2, runs.get());
    ctx.batch(() -> {
      a.set(29);
      assertEquals(2, tens.peek()); // recomputed and cut off inside the batch
    });
    assertEquals(2, runs.get());
  }
}
