package dev.statewire.redis;

import java.time.Duration;

/**
 * A lease held on one context key: the unique token that owns the lease key, and the fencing
 * token taken with it. A commit is accepted only while both are still current in Redis.
 */
final class Lease {
  final ContextKeys keys;
  final String token;
  final String fence;
  /** How many times the store's connection had dropped when the lease was taken. */
  final long disconnects;
  private final long acquiredNanos = System.nanoTime();

  Lease(ContextKeys keys, String token, long fence, long disconnects) {
    this.keys = keys;
    this.token = token;
    this.fence = Long.toString(fence);
    this.disconnects = disconnects;
  }

  /** {@return how long the lease has been held} */
  Duration heldFor() {
    return Duration.ofNanos(System.nanoTime() - acquiredNanos);
  }
}
