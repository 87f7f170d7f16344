package dev.statewire.redis;

import dev.statewire.codec.StateCodec;
import java.time.Duration;
import java.util.Map;

/**
 * What a {@link RedisStateStore} was built with.
 *
 * @param uri the Redis URI, for messages
 * @param leaseTtl how long a lease lives without renewal
 * @param idleTtl how long a key's state lives after its last lock block
 * @param keyPrefix the start of every Redis key the store uses
 * @param acquireTimeout how long a lock block waits for a lease another holder has
 * @param commandTimeout how long one Redis command may take
 * @param codecs codecs by declared type name, for fields the processor gave none
 */
record StoreSettings(
    String uri,
    Duration leaseTtl,
    Duration idleTtl,
    String keyPrefix,
    Duration acquireTimeout,
    Duration commandTimeout,
    Map<String, StateCodec<?>> codecs) {}
