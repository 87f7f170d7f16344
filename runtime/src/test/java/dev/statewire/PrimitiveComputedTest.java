package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The computed values of a primitive ({@link IntComputed}, {@link LongComputed}, {@link
 * DoubleComputed}, {@link BooleanComputed}): they compute, cut off, cache exceptions, roll back
 * and read from other threads as a {@link Computed} does, with the equality of bits.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class PrimitiveComputedTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void anIntComputedIsLazyCachedAndReRunsItsReadersOnlyWhenItsValueChanges() {
    IntSignal n = ctx.intSignal(1).named("n");
    int[] runs = {0};
    IntComputed parity = ctx.intComputed(() -> {
      runs[0]++;
      return n.getInt() % 2;
    }).named("parity");
    assertEquals("IntComputed 'parity' <not computed>", parity.toString());
    assertEquals(0, runs[0], "computed before its first read");
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(parity.getInt()));

    n.set(3); // parity stays 1: the effect does not run
    n.set(4);
    assertEquals(List.of(1, 0), seen);
    assertEquals(3, runs[0]);
    assertEquals(0, parity.peekInt());
    assertEquals(Integer.valueOf(0), parity.get());
    assertEquals(3, runs[0], "read again though nothing changed");
    assertEquals("IntComputed 'parity' = 0", parity.toString());
  }

  @Test
  void longAndBooleanComputedsGiveTheirValueTypedAndBoxed() {
    LongSignal big = ctx.longSignal(1L << 40);
    LongComputed twice = ctx.longComputed(() -> big.getLong() * 2);
    BooleanComputed large = ctx.booleanComputed(() -> twice.getLong() > (1L << 41)).named("large");
    List<Boolean> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(large.getBoolean()));

    big.set((1L << 40) + 1);
    big.set((1L << 40) + 2);
    assertEquals(List.of(false, true), seen);
    assertEquals((1L << 41) + 4, twice.peekLong());
    assertEquals(Long.valueOf((1L << 41) + 4), twice.peek());
    assertEquals(Boolean.TRUE, large.get());
    assertEquals("BooleanComputed 'large' = true", large.toString());
  }

  @Test
  void aDoubleComputedCutsOffByDoubleEqualsNaNAfterNaNAndNotMinusZeroAfterZero() {
    DoubleSignal in = ctx.doubleSignal(Double.NaN);
    DoubleComputed same = ctx.doubleComputed(in::getDouble);
    Computed<Double> boxed = ctx.computed(in::get);
    List<Double> seen = new ArrayList<>();
    List<Double> seenBoxed = new ArrayList<>();
    ctx.effect(() -> seen.add(same.getDouble()));
    ctx.effect(() -> seenBoxed.add(boxed.get()));
    DoubleSignal other = ctx.doubleSignal(0.0);
    DoubleComputed nanOrZero = ctx.doubleComputed(() -> other.getDouble() > 0 ? 0.0 / 0.0 : 0.0);
    List<Double> seenNan = new ArrayList<>();
    ctx.effect(() -> seenNan.add(nanOrZero.getDouble()));

    for (double v : new double[] {0.0, -0.0, -0.0, 0.0, 1.5}) {
      in.set(v);
    }
    other.set(1.0);
    other.set(2.0); // NaN again: unchanged

    assertEquals(seenBoxed, seen);
    assertEquals(List.of(Double.NaN, 0.0, -0.0, 0.0, 1.5), seen);
    assertEquals(List.of(0.0, Double.NaN), seenNan);
  }

  @Test
  void anExceptionIsCachedAndRethrownUntilADependencyChanges() {
    IntSignal divisor = ctx.intSignal(0);
    int[] runs = {0};
    IntComputed quotient = ctx.intComputed(() -> {
      runs[0]++;
      return 12 / divisor.getInt();
    }).named("quotient");

    ArithmeticException first = assertThrows(ArithmeticException.class, quotient::getInt);
    assertSame(first, assertThrows(ArithmeticException.class, quotient::peekInt));
    assertSame(first, assertThrows(ArithmeticException.class, quotient::get));
    assertEquals(1, runs[0]);
    assertEquals("IntComputed 'quotient' = <threw " + first + ">", quotient.toString());

    divisor.set(4);
    assertEquals(3, quotient.getInt());
    divisor.set(0);
    assertThrows(ArithmeticException.class, quotient::getInt);
    divisor.set(6);
    assertEquals(2, quotient.peekInt());
    assertEquals(4, runs[0]);
  }

  @Test
  void anEvaluationFromTheUncommittedWriteOfAFailedActionIsRolledBackToTheOldValue() {
    CellParticipant cell = new CellParticipant(ctx, "cell");
    IntSignal stale = ctx.intSignal(0).named("stale"); // a write to it makes tenfold stale
    // reads the field as a generated getter does: the signal for tracking, the field's value
    IntComputed tenfold = ctx.intComputed(() -> {
      stale.getInt();
      cell.signal.get();
      return cell.value * 10;
    }).named("tenfold");
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(tenfold.getInt()));

    ActionScope failing = ActionScope.outermost(ctx).enter(cell);
    cell.value = 5;
    stale.set(1); // not rolled back: only the participant is
    assertEquals(50, tenfold.getInt(), "computed from the uncommitted write");
    failing.fail(new RuntimeException("action failed"));

    assertEquals(0, tenfold.peekInt());
    assertEquals(List.of(0), seen, "the old value came back: nothing changed for the effect");
    ActionScope committing = ActionScope.outermost(ctx).enter(cell);
    cell.value = 2;
    committing.exit();
    assertEquals(List.of(0, 20), seen);
  }

  @Test
  void aThreadWithoutTheLockReadsTheCurrentValue() throws Exception {
    IntSignal n = ctx.intSignal(1);
    IntComputed squared = ctx.intComputed(() -> n.getInt() * n.getInt());
    ctx.effect(() -> squared.getInt()); // watched: current while nothing is dirty
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      assertEquals(1, other.submit(squared::getInt).get(10, TimeUnit.SECONDS));
      n.set(7);
      assertEquals(49, other.submit(squared::peekInt).get(10, TimeUnit.SECONDS));
      IntComputed unwatched = ctx.intComputed(() -> n.getInt() + 1);
      assertEquals(8, other.submit(unwatched::getInt).get(10, TimeUnit.SECONDS));
      n.set(8);
      assertEquals(9, other.submit(unwatched::getInt).get(10, TimeUnit.SECONDS));
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void itIsAComputedAndAGraphNodeThatTheSpySeesWithItsValue() {
    IntSignal n = ctx.intSignal(2).named("n");
    IntComputed doubled = ctx.call(() -> IntComputed.of(() -> n.getInt() * 2));
    Computed<Integer> generic = ctx.intComputed(() -> n.getInt() * 3).named("tripled");
    List<SpyEvent> events = new ArrayList<>();
    ctx.spy(events::add);
    assertEquals(6, generic.get());

    SpyEvent.ComputedRecomputed recomputed = events.stream()
        .filter(SpyEvent.ComputedRecomputed.class::isInstance)
        .map(SpyEvent.ComputedRecomputed.class::cast)
        .findFirst().orElseThrow();
    assertEquals(6, recomputed.value());
    assertTrue(recomputed.changed());
    assertEquals("recompute IntComputed 'tripled' = 6 (first run)", recomputed.toString());
    GraphNode node = generic;
    assertEquals(List.of(n), node.dependencies());
    assertEquals("tripled", node.name());
    assertSame(ctx, doubled.context());
    assertEquals(4, doubled.getInt());
  }
}
