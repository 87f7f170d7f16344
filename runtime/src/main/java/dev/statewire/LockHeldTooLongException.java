package dev.statewire;

import java.util.concurrent.TimeUnit;

/**
 * Reported (not thrown) to the context's {@link ErrorHandler} when a lock block, action, batch
 * or effect run has held the context's lock longer than the context's threshold: every writer
 * of the context, and every reader of a stale value, waits meanwhile. It is reported while the
 * hold goes on, from the daemon thread {@code statewire-lock-watchdog}, and its stack trace is
 * where the holding thread was then (a handler must not wait for that context's lock).
 */
public final class LockHeldTooLongException extends StatewireException {
  private static final long serialVersionUID = 1L;

  LockHeldTooLongException(ReactiveContext context, Thread holder, long heldNanos,
      long thresholdNanos) {
    super("The lock of " + context + " has been held for at least "
        + TimeUnit.NANOSECONDS.toMillis(heldNanos) + " ms by "
        + (holder != null ? "thread '" + holder.getName() + "'" : "a thread that released it since")
        + " (threshold " + TimeUnit.NANOSECONDS.toMillis(thresholdNanos) + " ms). "
        + "Do slow work (I/O, sleeps, heavy computation) outside lock blocks and actions.");
  }
}
