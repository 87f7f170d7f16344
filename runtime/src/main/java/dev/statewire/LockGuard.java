package dev.statewire;

/**
 * A held context lock, released by {@link #close()} (use it with try-with-resources).
 *
 * <p>Closing the outermost guard ends the lock session: participants that {@linkplain
 * ReactiveContext#join joined} commit (or roll back, after {@link #markFailed()}), the effects
 * that their changes reached run, and the lock is released.
 */
public final class LockGuard implements AutoCloseable {
  private final ReactiveContext context;
  private final boolean outermost;
  /** When the outermost guard took the lock, if hold times are reported; otherwise 0. */
  private final long acquiredAt;
  private boolean closed;
  /** Where a nested transactional scope started; null for other guards. */
  private Savepoint savepoint;

  LockGuard(ReactiveContext context, boolean outermost) {
    this.context = context;
    this.outermost = outermost;
    this.acquiredAt = outermost && context.reportsLockHoldTimes() ? System.nanoTime() : 0L;
  }

  /** The context whose lock this guard holds. */
  public ReactiveContext context() {
    return context;
  }

  /** Whether this guard took the lock (rather than re-entering it). */
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

  /** Leaves the lock; the outermost close commits, runs effects and releases. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      context.exit();
    } finally {
      if (acquiredAt != 0L) {
        context.checkLockHoldTime(System.nanoTime() - acquiredAt);
      }
    }
  }
}
