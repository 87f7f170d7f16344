package dev.statewire.redis;

import dev.statewire.StatewireException;
import java.time.Duration;

/**
 * A lock block or action on a context bound to Redis lost its lease before it committed: the
 * lease expired (the block ran longer than the lease TTL while renewals failed), another holder
 * took it, or the connection to Redis was lost. Nothing was written to Redis, nothing was
 * published locally, and the block's writes were rolled back; run the block again.
 */
public final class LockLostException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /** The context's key. */
  private final String key;
  /** How long the lease had been held. */
  private final Duration heldFor;

  LockLostException(String key, Duration heldFor, String why, Throwable cause) {
    super("The Redis lease on '" + key + "' was lost after it was held for "
        + heldFor.toMillis() + " ms: " + why + ". Nothing was written to Redis or published, "
        + "and the block's writes were rolled back; run the block again. Keep lock blocks "
        + "shorter than the store's leaseTtl.", cause);
    this.key = key;
    this.heldFor = heldFor;
  }

  /** {@return the key of the context, as given to {@code store.context(key)}} */
  public String key() {
    return key;
  }

  /** {@return how long the lease had been held when the commit was refused} */
  public Duration heldFor() {
    return heldFor;
  }
}
