package dev.statewire;

/**
 * A listener attached by {@link ReactiveContext#spy}; {@link #close()} detaches it. Once the
 * last listener of a context is detached, the context is back to paying nothing for its spy.
 */
public final class SpyRegistration implements AutoCloseable {
  private final ReactiveContext context;
  private final SpyListener listener;
  private boolean closed;

  SpyRegistration(ReactiveContext context, SpyListener listener) {
    this.context = context;
    this.listener = listener;
  }

  /** {@return the listener this registration attached} */
  public SpyListener listener() {
    return listener;
  }

  /**
   * Detaches the listener: once this returns, no event that starts afterwards reaches it (an
   * event already being delivered on another thread outside the lock, a task's, may still
   * arrive). Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    SpyDispatcher.detach(context, listener);
  }
}
