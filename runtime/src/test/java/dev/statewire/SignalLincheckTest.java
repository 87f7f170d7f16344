package dev.statewire;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck (stress mode): {@link Signal}'s {@code set}, {@code get}, {@code peek} and {@code
 * update}, and a {@link Computed} over it, called from several threads at once, are
 * linearizable against this class run sequentially. Reads without the lock (optimistic,
 * validated against the lock's sequence) must never return a value no linear order explains.
 *
 * <p>The runtime's tests are compiled with {@code -parameters}, and Lincheck then looks up a
 * generator by each parameter's name: {@code value} is declared here (few values, so that writes
 * often repeat and the equality cut-off is exercised).
 */
@Param(name = "value", gen = IntGen.class, conf = "0:4")
public class SignalLincheckTest {
  private final ReactiveContext context = ReactiveContext.create();
  private final Signal<Integer> signal = context.signal(0);
  private final Computed<Integer> doubled = context.computed(() -> signal.get() * 2);

  @Operation
  public void set(int value) {
    signal.set(value);
  }

  @Operation
  public int get() {
    return signal.get();
  }

  @Operation
  public int peek() {
    return signal.peek();
  }

  @Operation
  public int increment() {
    return signal.update(v -> v + 1);
  }

  @Operation
  public int doubled() {
    return doubled.get();
  }

  @Test
  void signalAndComputedAreLinearizable() {
    StressOptions options = new StressOptions()
        .iterations(30)
        .invocationsPerIteration(2_000)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(1)
        .actorsAfter(1);
    LinChecker.check(SignalLincheckTest.class, options);
  }
}
