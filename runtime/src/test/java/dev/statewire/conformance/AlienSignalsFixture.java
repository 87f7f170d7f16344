package dev.statewire.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * What every alien-signals port shares: a context of its own per test, whose effect failures
 * are collected in {@link #errors}; a test expecting one asserts and clears them, any other one
 * fails the test when the context closes.
 */
abstract class AlienSignalsFixture {
  /** The messages of the failures the context's error handler received. */
  final List<String> errors = new ArrayList<>();
  final ReactiveContext ctx;

  AlienSignalsFixture(String originalFile) {
    ctx = ReactiveContext.builder()
        .name("alien-signals " + originalFile)
        .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
        .errorHandler((source, error) -> errors.add(error.getMessage()))
        .build();
  }

  @AfterEach
  void noEffectFailedUnlessExpected() {
    ctx.close();
    assertEquals(List.of(), errors, "no effect may fail");
  }

  /**
   * alien-signals issue 115, in both {@code effect.spec.ts} and the conformance suite (#226,
   * #228): an outer effect whose inner effect re-ran alone ({@code innerWrites} writes to what
   * only the inner one reads) still re-runs on a change to its own dependency.
   */
  void assertOuterKeepsRespondingAfterInnerReruns(int innerWrites) {
    Signal<Integer> a = ctx.signal(0);
    Signal<Integer> b = ctx.signal(0);
    AtomicInteger outerRuns = new AtomicInteger();
    AtomicInteger innerRuns = new AtomicInteger();
    ctx.effect(() -> {
      a.get();
      outerRuns.incrementAndGet();
      ctx.effect(() -> {
        b.get();
        innerRuns.incrementAndGet();
      });
    });
    assertEquals(1, outerRuns.get());
    assertEquals(1, innerRuns.get());

    for (int i = 1; i <= innerWrites; i++) {
      b.set(i);
    }
    assertEquals(1, outerRuns.get());
    assertTrue(innerRuns.get() >= 2, "the inner effect re-ran, runs: " + innerRuns.get());

    a.set(1);
    assertEquals(2, outerRuns.get());
  }
}
