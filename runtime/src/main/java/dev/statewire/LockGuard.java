package dev.statewire;

/**
 * A held context lock, released by {@link #close()} (use it with try-with-resources).
 *
 * <p>Like {@link java.util.concurrent.locks.ReentrantLock#unlock()}, a guard belongs to the
 * thread that took it: closing it (or marking it failed) on another thread throws {@link
 * IllegalMonitorStateException} and changes nothing. Closing it again on its own thread does
 * nothing, as {@link AutoCloseable} recommends.
 *
 * <p>Closing the outermost guard ends the lock session: participants that {@linkplain
 * ReactiveContext#join joined} commit (or roll back, after {@link #markFailed()}), the effects
 * that their changes reached run, and the lock is released.
 */
public final class LockGuard implements AutoCloseable {
  private final ReactiveContext context;
  private final boolean outermost;
  /** The thread that took the lock; the only one that may close this guard. */
  private final Thread owner = Thread.currentThread();
  private boolean closed;
  /** Where a nested transactional scope started; null for other guards. */
  private Savepoint savepoint;

  /**
   * The guard of a lock block on an object whose constructor is still running (its generated
   * parts do not exist yet): a plain block, nothing taken, nothing to commit: the
   * constructor runs before any other thread can see the object.
   */
  static LockGuard unconstructed() {
    LockGuard guard = new LockGuard(null, false);
    guard.closed = true;
    return guard;
  }

  LockGuard(ReactiveContext context, boolean outermost) {
    this.context = context;
    this.outermost = outermost;
  }

  /** {@return the context whose lock this guard holds; {@code null} for a block run in a constructor} */
  public ReactiveContext context() {
    return context;
  }

  /** {@return whether this guard took the lock (rather than re-entering it)} */
  public boolean isOutermost() {
    return outermost;
  }

  /** Makes this guard a nested transactional scope that started at {@code savepoint}. */
  void keep(Savepoint savepoint) {
    this.savepoint = savepoint;
  }

  /**
   * The guarded code failed. If this is the outermost guard, the participants roll back instead
   * of committing when it closes. If it is a nested action or lambda lock block, every
   * participant goes back at once to what it held when the scope started (its savepoint), and
   * the outer scope goes on; other nested guards keep what was written.
   */
  public void markFailed() {
    requireOwner("marked failed");
    if (closed) {
      return;
    }
    if (outermost) {
      context.markSessionFailed();
    } else if (savepoint != null) {
      Savepoint startedAt = savepoint;
      savepoint = null;
      context.rollBackTo(startedAt);
    }
  }

  /**
   * Leaves the lock; the outermost close commits, runs effects and releases. Idempotent.
   *
   * @throws IllegalMonitorStateException on a thread other than the one that took the lock
   */
  @Override
  public void close() {
    requireOwner("closed");
    if (closed) {
      return;
    }
    closed = true;
    context.exit();
  }

  private void requireOwner(String what) {
    Thread current = Thread.currentThread();
    if (current != owner) {
      throw new IllegalMonitorStateException("A lock guard of " + context + " was " + what
          + " on thread '" + current.getName() + "', but thread '" + owner.getName() + "' took "
          + "the lock and holds it. Close a guard on the thread that took it (try-with-resources "
          + "does); nothing was committed or released.");
    }
  }
}
