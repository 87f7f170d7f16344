package dev.statewire.it;

import dev.statewire.ReactiveContext;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * Lincheck (stress mode) on the actions of a generated class: every concurrent history of
 * transfers, failing transfers and reads of {@link ReactiveBalances} must be explainable by
 * some sequential order of the same calls on a plain {@link Balances}.
 */
@Param(name = "amount", gen = IntGen.class, conf = "1:5")
public class BalancesLincheckTest {
  private final ReactiveBalances balances = new ReactiveBalances(ReactiveContext.create());

  @Operation
  public void transfer(@Param(name = "amount") int amount) {
    balances.transfer(amount);
  }

  @Operation(handleExceptionsAsResult = IllegalStateException.class)
  public void transferThenFail(@Param(name = "amount") int amount) {
    balances.transferThenFail(amount);
  }

  @Operation
  public String readBoth() {
    return balances.readBoth();
  }

  @Operation
  public long total() {
    return balances.total();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theActionsAreLinearizable() {
    StressOptions options =
        new StressOptions()
            .iterations(30)
            .invocationsPerIteration(300)
            .threads(3)
            .actorsPerThread(3)
            .sequentialSpecification(Sequential.class);
    LinChecker.check(BalancesLincheckTest.class, options);
  }

  /** The sequential specification: the same calls on the plain class. */
  public static class Sequential {
    private final Balances balances = new Balances();

    public void transfer(int amount) {
      balances.transfer(amount);
    }

    /** A failed action changes nothing: only the exception remains. */
    public void transferThenFail(int amount) {
      throw new IllegalStateException("transfer of " + amount + " refused");
    }

    public String readBoth() {
      return balances.readBoth();
    }

    public long total() {
      return balances.total();
    }
  }
}
