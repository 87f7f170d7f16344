package dev.statewire.redis;

import dev.statewire.StatewireException;
import java.time.Duration;

/**
 * A lock block or action on a context bound to Redis lost its lease before it committed: the
 * lease expired (the block ran longer than the lease TTL while renewals failed), another holder
 * took it, or the connection to Redis was lost. Nothing was published locally and the block's
 * writes were rolled back. Unless {@link #mayHaveCommitted()}, nothing was written to Redis
 * either: run the block again.
 */
public final class LockLostException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /** The context's key. */
  private final String key;
  /** How long the lease had been held. */
  private final Duration heldFor;
  /** The commit was sent but its reply never came: Redis may have applied it. */
  private final boolean mayHaveCommitted;

  LockLostException(String key, Duration heldFor, String why, Throwable cause) {
    this(key, heldFor, why, "Nothing was written to Redis or published, and the block's writes "
        + "were rolled back; run the block again. Keep lock blocks shorter than the store's "
        + "leaseTtl.", false, cause);
  }

  private LockLostException(String key, Duration heldFor, String why, String outcome,
      boolean mayHaveCommitted, Throwable cause) {
    super("The Redis lease on '" + key + "' was lost after it was held for "
        + heldFor.toMillis() + " ms: " + why + ". " + outcome, cause);
    this.key = key;
    this.heldFor = heldFor;
    this.mayHaveCommitted = mayHaveCommitted;
  }

  /** The commit was sent and its reply lost: Redis may hold it though this JVM rolled back. */
  static LockLostException replyLost(String key, Duration heldFor, String why, Throwable cause) {
    return new LockLostException(key, heldFor, why, "Nothing was published here and the block's "
        + "writes were rolled back here, but Redis may have applied the commit before its reply "
        + "was lost; this context converges on Redis's state from the stream or at its next "
        + "block. Run the block again only if running it twice is harmless.", true, cause);
  }

  /** The store was closed during the block: its close released the lease; nothing was sent. */
  static LockLostException storeClosed(String key, Duration heldFor, String uri,
      Throwable cause) {
    return new LockLostException(key, heldFor, "the RedisStateStore on " + uri + " was closed "
        + "during the block, which released its lease", cause);
  }

  /** {@return the key of the context, as given to {@code store.context(key)}} */
  public String key() {
    return key;
  }

  /** {@return how long the lease had been held when the commit was refused} */
  public Duration heldFor() {
    return heldFor;
  }

  /**
   * {@return whether Redis may have applied the commit anyway: it was sent, but its reply was
   * lost (the connection dropped or the command timed out)}
   */
  public boolean mayHaveCommitted() {
    return mayHaveCommitted;
  }
}
