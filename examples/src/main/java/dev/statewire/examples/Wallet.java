package dev.statewire.examples;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;
import java.time.Duration;

/** A wallet whose background tasks show the two forms of lock block and the lock timeout. */
@Reactive
public class Wallet {
  int balance = 100;
  int audits;

  public int balance() {
    return balance;
  }

  public int audits() {
    return audits;
  }

  /**
   * The lambda form is a transaction: when the payment overdraws the wallet, the exception
   * restores {@code balance} and the task fails with it.
   */
  @Background
  void pay(int amount) {
    Statewire.lock(this, () -> {
      balance -= amount;
      if (balance < 0) {
        throw new IllegalStateException("overdrawn by " + -balance);
      }
    });
  }

  /** Gives up with a {@code LockTimeoutException} when the lock is busy for more than 50 ms. */
  @Background
  void audit() {
    try (var self = Statewire.lock(this, Duration.ofMillis(50))) {
      audits++;
    }
  }
}
