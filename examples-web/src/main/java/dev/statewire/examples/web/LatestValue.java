package dev.statewire.examples.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-slot mailbox between a producer that must never wait (an effect running under a state's
 * lock) and a consumer that may be slow (a socket to a browser): {@link #offer} replaces a value
 * the consumer has not taken yet, so the consumer always gets the newest one and memory stays one
 * value per stream.
 *
 * @param <T> the value type
 */
final class LatestValue<T> {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private T value;
  private boolean closed;

  /** Puts {@code next} in the slot, replacing a value not taken yet; never blocks for long. */
  void offer(T next) {
    lock.lock();
    try {
      value = next;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the value, waiting up to {@code timeout} for one or for {@link #close()}.
   *
   * @return the value; empty if none came in time or the mailbox is closed
   * @throws InterruptedException if interrupted while waiting
   */
  Optional<T> take(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (value == null && !closed && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      if (closed) {
        return Optional.empty();
      }
      T taken = value;
      value = null;
      return Optional.ofNullable(taken);
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the consumer; every later {@link #take} returns empty at once. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }
}
