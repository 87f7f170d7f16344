package dev.statewire.redis;

import dev.statewire.StatewireException;

/**
 * A lock block or action ran on a state object of a context bound to Redis that was never
 * bound with {@link RedisStateStore#bind}: the store would not know under which name to
 * persist it. The block did not run.
 */
public final class UnboundObjectException extends StatewireException {
  private static final long serialVersionUID = 1L;

  UnboundObjectException(Object participant, String key) {
    super("A lock block or action ran on " + participant + ", which lives in a context bound "
        + "to Redis key '" + key + "' but was never bound to it. Bind each state object once, "
        + "right after creating it: store.bind(context, \"name\", object).");
  }
}
