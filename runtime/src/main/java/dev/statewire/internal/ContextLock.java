package dev.statewire.internal;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The lock of one reactive context, which is also a sequence lock for optimistic readers.
 *
 * <p>The synchronizer state is a sequence number: even while the lock is free, odd while a
 * thread holds it. Acquiring moves it from even to odd, releasing to the next even number. A
 * reader that saw the same even number before and after reading some fields knows that no writer
 * held the lock in between, so what it read is a committed state ({@link #stamp()}, {@link
 * #validate(int)}).
 *
 * <p>Reentrancy is counted by the caller (the context keeps its depth); this class only
 * acquires at depth 0 and releases at depth 0.
 */
public final class ContextLock extends AbstractQueuedSynchronizer {
  private static final long serialVersionUID = 1L;

  /** Whether the calling thread holds this lock. */
  public boolean isHeldByCurrentThread() {
    return getExclusiveOwnerThread() == Thread.currentThread();
  }

  /** The thread that holds the lock, or null; a racy snapshot for diagnostics only. */
  public Thread owner() {
    return getExclusiveOwnerThread();
  }

  /** Takes the lock, waiting as long as needed and ignoring interrupts. */
  public void lock() {
    acquire(1);
  }

  /** Takes the lock, or throws if the thread is interrupted while waiting. */
  public void lockInterruptibly() throws InterruptedException {
    acquireInterruptibly(1);
  }

  /** Takes the lock within the timeout; returns false if it could not. */
  public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
    return tryAcquireNanos(1, unit.toNanos(timeout));
  }

  /** Releases the lock; the caller must hold it. */
  public void unlock() {
    if (!isHeldByCurrentThread()) {
      throw new IllegalMonitorStateException(
          "a Statewire context lock was released by a thread that does not hold it");
    }
    release(1);
  }

  /**
   * Releases the lock, which the calling thread is known to hold (the outermost exit of a
   * session, whose guard or scope checked it): {@link #unlock()} without checking again.
   */
  public void unlockHeld() {
    release(1);
  }

  /** The current sequence number; odd while a writer holds the lock. */
  public int stamp() {
    return getState();
  }

  /** True if no thread took the lock since {@code stamp} was read and it was free then. */
  public boolean validate(int stamp) {
    VarHandle.acquireFence();
    return (stamp & 1) == 0 && getState() == stamp;
  }

  @Override
  protected boolean tryAcquire(int ignored) {
    int s = getState();
    if ((s & 1) == 0 && compareAndSetState(s, s + 1)) {
      setExclusiveOwnerThread(Thread.currentThread());
      return true;
    }
    return false;
  }

  @Override
  protected boolean tryRelease(int ignored) {
    setExclusiveOwnerThread(null);
    setState(getState() + 1);
    return true;
  }

  @Override
  protected boolean isHeldExclusively() {
    return isHeldByCurrentThread();
  }
}
