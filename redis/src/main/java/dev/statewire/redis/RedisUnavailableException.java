package dev.statewire.redis;

import dev.statewire.StatewireException;

/**
 * Redis could not be reached, did not answer within the store's command timeout, or refused a
 * command, when the store needed it (connecting, or taking a lease for a lock block). A lock
 * block that fails with it did not run and left the local state unchanged.
 */
public final class RedisUnavailableException extends StatewireException {
  private static final long serialVersionUID = 1L;

  RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
