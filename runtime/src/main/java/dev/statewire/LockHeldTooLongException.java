package dev.statewire;

import java.time.Duration;

/**
 * Reported (not thrown) to the context's {@link ErrorHandler} when a lock block or action held
 * the context's lock longer than the context's threshold: every writer of the context, and
 * every reader of a stale value, waited that long. Its stack trace shows where the block ended.
 */
public final class LockHeldTooLongException extends StatewireException {
  private static final long serialVersionUID = 1L;

  LockHeldTooLongException(ReactiveContext context, long heldNanos, Duration threshold) {
    super("The lock of " + context + " was held for " + heldNanos / 1_000_000 + " ms by thread '"
        + Thread.currentThread().getName() + "' (threshold " + threshold.toMillis() + " ms). "
        + "Do slow work (I/O, sleeps, heavy computation) outside lock blocks and actions.");
  }
}
