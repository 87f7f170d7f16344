package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

/**
 * Two balances whose sum never changes: a transfer moves money between them. Readers on other
 * threads must never see a transfer half done.
 */
@Reactive
public class Account {
  long checking;
  long savings;

  public Account(long checking, long savings) {
    this.checking = checking;
    this.savings = savings;
  }

  public void transfer(long amount) {
    checking -= amount;
    savings += amount;
  }

  @Derived
  public long total() {
    return checking + savings;
  }

  /** A tracked read of both fields, not cached. */
  public long totalByReading() {
    return checking + savings;
  }

  public long getChecking() {
    return checking;
  }
}
