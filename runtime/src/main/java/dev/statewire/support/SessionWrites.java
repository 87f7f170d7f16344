package dev.statewire.support;

import dev.statewire.ReactiveContext;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Counts the state objects of one context that joined the lock session open on it, so may hold
 * uncommitted writes. A derived value read by the thread that holds the lock while the count is
 * not zero is computed from the plain fields instead of its cache (read-your-writes). Only the
 * lock holder has a session, so one count per context suffices; it is guarded by the context
 * lock and read only by the holder.
 */
final class SessionWrites {
  /** Weak keys: a context nobody uses any more takes its count with it. */
  private static final Map<ReactiveContext, SessionWrites> BY_CONTEXT = new WeakHashMap<>();

  private int joined;

  private SessionWrites() {}

  /** The count of {@code context} (looked up once per state object, at construction). */
  static SessionWrites of(ReactiveContext context) {
    synchronized (BY_CONTEXT) {
      return BY_CONTEXT.computeIfAbsent(context, c -> new SessionWrites());
    }
  }

  /** A state object joined the session. */
  void opened() {
    joined++;
  }

  /** A state object of the session committed or rolled back. */
  void closed() {
    joined--;
  }

  /** Whether some state object joined the session. The caller holds the context lock. */
  boolean any() {
    return joined != 0;
  }
}
