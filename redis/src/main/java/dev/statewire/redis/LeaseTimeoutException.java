package dev.statewire.redis;

import dev.statewire.StatewireException;
import java.time.Duration;

/**
 * A lock block or action on a context bound to Redis could not take the key's lease within the
 * store's acquire timeout: another JVM (or another context of this one) held it all along. The
 * block did not run and the local state is unchanged.
 */
public final class LeaseTimeoutException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /** The context's key. */
  private final String key;

  LeaseTimeoutException(String key, Duration timeout) {
    super("Could not take the Redis lease on '" + key + "' within " + timeout.toMillis()
        + " ms: another holder kept it. The block did not run. Keep lock blocks on this key "
        + "short, or raise the store's acquireTimeout.");
    this.key = key;
  }

  /** {@return the key of the context, as given to {@code store.context(key)}} */
  public String key() {
    return key;
  }
}
