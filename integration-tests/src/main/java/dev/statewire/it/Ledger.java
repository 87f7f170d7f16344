package dev.statewire.it;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

/**
 * Two fields every lock block keeps equal: {@code debits} and {@code credits}. Each block checks
 * the invariant before it writes, so a lost update, a torn write or two writers in one block
 * fails the task that sees it.
 */
@Reactive
@SuppressWarnings("try") // the lock block's guard is never read
public class Ledger {
  long debits;
  long credits;

  /** {@code times} lock blocks, each checking the invariant and adding one entry. */
  @Background
  public void post(int times) {
    for (int i = 0; i < times; i++) {
      try (var self = Statewire.lock(this)) {
        if (debits != credits) {
          throw new IllegalStateException("unbalanced inside a lock block: " + debits + " / "
              + credits);
        }
        debits++;
        Thread.onSpinWait();
        credits++;
      }
    }
  }

  /** A tracked read of both fields: from another thread, a committed state. */
  public long imbalance() {
    return debits - credits;
  }

  @Derived
  public long entries() {
    return debits;
  }

  public long credits() {
    return credits;
  }
}
