package dev.statewire.benchmarks.lock;

import java.util.concurrent.locks.ReentrantLock;

/** The baseline for {@code LockBench}: the same two writes under a bare {@link ReentrantLock}. */
public final class PlainLedger {
  private final ReentrantLock lock = new ReentrantLock();
  private long debits;
  private long credits;

  /** Both writes under the lock. */
  public void post() {
    lock.lock();
    try {
      debits++;
      credits++;
    } finally {
      lock.unlock();
    }
  }

  /** Debits, read under the lock. */
  public long entries() {
    lock.lock();
    try {
      return debits;
    } finally {
      lock.unlock();
    }
  }
}
