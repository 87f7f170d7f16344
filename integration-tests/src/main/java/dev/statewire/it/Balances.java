package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

/**
 * Two balances and a transfer between them, for the Lincheck test of a generated class's
 * actions; the class itself, used without the processor, is the sequential specification.
 */
@Reactive
public class Balances {
  long first = 100;
  long second;

  /** An action writing both fields. */
  public void transfer(int amount) {
    first -= amount;
    second += amount;
  }

  /** An action that writes both fields, then fails: it must leave no trace. */
  public void transferThenFail(int amount) {
    first -= amount;
    second += amount;
    throw new IllegalStateException("transfer of " + amount + " refused");
  }

  /** A tracked read of both fields. */
  public String readBoth() {
    return first + "/" + second;
  }

  @Derived
  public long total() {
    return first + second;
  }
}
