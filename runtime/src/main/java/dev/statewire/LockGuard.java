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

  /**
   * The guard of a lock block on an object whose constructor is still running (its generated
   * parts do not exist yet): a plain block, nothing taken, nothing to commit (DESIGN §4.2).
   */
  static final LockGuard UNCONSTRUCTED = new LockGuard(null, false);

  static {
    UNCONSTRUCTED.closed = true;
  }

  LockGuard(ReactiveContext context, boolean outermost) {
    this.context = context;
    this.outermost = outermost;
    this.acquiredAt = outermost && context.reportsLockHoldTimes() ? System.nanoTime() : 0L;
  }

  /** The context whose lock this guard holds; {@code null} for a block run in a constructor. */
  public ReactiveContext context() {
    return context;
  }

  /** Whether this guard took the lock (rather than re-entering it). */
  public boolean isOutermost() {
    return outermost;
  }

  /**
   * The guarded code failed: if this is the outermost guard, the participants roll back instead
   * of committing when it closes.
   */
  public void markFailed() {
    if (outermost && !closed) {
      context.markSessionFailed();
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
