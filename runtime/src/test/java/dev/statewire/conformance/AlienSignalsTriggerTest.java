package dev.statewire.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.Computed;
import dev.statewire.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cases of alien-signals' {@code tests/trigger.spec.ts} that map onto Statewire. Their
 * {@code trigger(signal)} is {@link Signal#markChanged()}; their {@code trigger(fn)} over several
 * signals is one batch marking each of them changed (Statewire has no {@code trigger(fn)} that
 * marks what a function reads: see this package's README).
 */
class AlienSignalsTriggerTest extends AlienSignalsFixture {
  AlienSignalsTriggerTest() {
    super("trigger.spec");
  }


  @Test
  @DisplayName("should trigger updates for dependent computed signals")
  void markChangedUpdatesADependentComputed() {
    Signal<List<Integer>> arr = ctx.signal(new ArrayList<>());
    Computed<Integer> length = ctx.computed(() -> arr.get().size());

    assertEquals(0, length.get());
    arr.peek().add(1);
    arr.markChanged();
    assertEquals(1, length.get());
  }

  @Test
  @DisplayName("should trigger updates for the second source signal")
  void markingTwoSignalsChangedUpdatesAComputedOfTheSecond() {
    Signal<List<Integer>> src1 = ctx.signal(new ArrayList<>());
    Signal<List<Integer>> src2 = ctx.signal(new ArrayList<>());
    Computed<Integer> length = ctx.computed(() -> src2.get().size());

    assertEquals(0, length.get());
    src2.peek().add(1);
    ctx.batch(() -> {
      src1.markChanged();
      src2.markChanged();
    });
    assertEquals(1, length.get());
  }

  @Test
  @DisplayName("should trigger effect once")
  void markingTwoSignalsChangedInOneBatchRunsTheEffectOnce() {
    Signal<List<Integer>> src1 = ctx.signal(new ArrayList<>());
    Signal<List<Integer>> src2 = ctx.signal(new ArrayList<>());
    AtomicInteger triggers = new AtomicInteger();
    ctx.effect(() -> {
      triggers.incrementAndGet();
      src1.get();
      src2.get();
    });

    assertEquals(1, triggers.get());
    ctx.batch(() -> {
      src1.markChanged();
      src2.markChanged();
    });
    assertEquals(2, triggers.get());
  }
}
