package dev.statewire.benchmarks.lock;

import dev.statewire.Statewire;
import dev.statewire.annotation.Reactive;

/**
 * The state {@code LockBench} contends on: two fields every write keeps equal. {@link #post()}
 * is a lock block (final, so the generated class leaves it as written); {@link #postAction()}
 * is an action (the generated override takes the lock).
 */
@Reactive
@SuppressWarnings("try") // the lock block's guard is never read
public class Ledger {
  long debits;
  long credits;

  /** One lock block writing both fields. */
  public final void post() {
    try (var self = Statewire.lock(this)) {
      debits++;
      credits++;
    }
  }

  /** The same writes as an action. */
  public void postAction() {
    debits++;
    credits++;
  }

  /** A tracked read of both fields. */
  public long imbalance() {
    return debits - credits;
  }

  public long entries() {
    return debits;
  }
}
