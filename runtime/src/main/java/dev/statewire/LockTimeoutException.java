package dev.statewire;

import java.time.Duration;

/** {@code Statewire.lock(state, timeout)} could not take the context's lock in time. */
public final class LockTimeoutException extends StatewireException {
  private static final long serialVersionUID = 1L;

  LockTimeoutException(ReactiveContext context, Duration timeout, Thread owner) {
    super("Could not take the lock of " + context + " within " + timeout.toMillis() + " ms"
        + (owner != null ? "; it is held by thread '" + owner.getName() + "'" : "")
        + ". Keep lock blocks short: do slow work (I/O, sleeps) outside them.");
  }
}
