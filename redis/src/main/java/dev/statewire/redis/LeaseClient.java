package dev.statewire.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The store's side of the lease protocol ({@link LuaScript}): acquire with backoff, commit and
 * release in one script, release alone, renew. Each call is one round trip; Lettuce's failures
 * come out as the store's typed exceptions.
 */
final class LeaseClient {
  /** How many commits a context's stream keeps for replicas that fell behind (approximately). */
  static final int STREAM_LENGTH = 1000;
  private static final long MAX_BACKOFF_NANOS = Duration.ofMillis(20).toNanos();

  private final RedisCommands<String, String> redis;
  private final StoreSettings settings;
  private final String storeId;
  /** Whether the store was closed: a command failing after that failed because of it. */
  private final BooleanSupplier storeClosed;
  private final AtomicLong tokens = new AtomicLong();
  /** How many times the connection dropped; a lease taken before a drop cannot commit. */
  private final AtomicLong disconnects = new AtomicLong();

  LeaseClient(RedisCommands<String, String> redis, StoreSettings settings, String storeId,
      BooleanSupplier storeClosed) {
    this.redis = redis;
    this.settings = settings;
    this.storeId = storeId;
    this.storeClosed = storeClosed;
  }

  /**
   * What an acquisition brought: the lease, Redis's version, the state's incarnation, and the
   * state if newer than the caller's or of another incarnation.
   */
  record Acquired(Lease lease, long version, String epoch, Map<String, String> state) {}

  /**
   * Takes the lease on {@code keys}, retrying with backoff while another holder has it.
   *
   * @param knownVersion the caller's version: the state comes back only if Redis is newer;
   *     -1 to always get it
   * @param knownEpoch the incarnation of the state the caller's copy is of, "" if none: the
   *     state comes back if Redis's is another
   * @throws LeaseTimeoutException if the lease stayed taken for the whole acquire timeout
   * @throws RedisUnavailableException if Redis cannot be reached
   */
  Acquired acquire(ContextKeys keys, long knownVersion, String knownEpoch) {
    String token = storeId + ":" + tokens.incrementAndGet();
    String[] scriptKeys = {keys.lease(), keys.state()};
    String leaseTtl = Long.toString(settings.leaseTtl().toMillis());
    String known = Long.toString(knownVersion);
    String idleTtl = Long.toString(settings.idleTtl().toMillis());
    long deadline = System.nanoTime() + settings.acquireTimeout().toNanos();
    long backoff = Duration.ofMillis(1).toNanos();
    while (true) {
      List<Object> reply = call(keys, "take the lease",
          () -> LuaScript.ACQUIRE.run(
              redis, scriptKeys, token, leaseTtl, known, idleTtl, knownEpoch));
      if ((Long) reply.get(0) == 1) {
        Lease lease = new Lease(keys, token, (Long) reply.get(1), disconnects.get());
        long version = (Long) reply.get(2);
        String epoch = (String) reply.get(3);
        return new Acquired(lease, version, epoch, reply.size() > 4 ? asMap(reply.get(4)) : null);
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new LeaseTimeoutException(keys.key(), settings.acquireTimeout());
      }
      long pause = Math.min(remaining, backoff + ThreadLocalRandom.current().nextLong(backoff));
      pauseNanos(pause, keys);
      backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
    }
  }

  /**
   * Commits {@code changes} (hash field to JSON) under {@code lease} and releases it.
   *
   * @return the version Redis now holds
   * @throws LockLostException if the lease or its fence is no longer current, the connection
   *     dropped since the lease was taken, or it failed during the commit (the commit may then
   *     have reached Redis: {@link LockLostException#mayHaveCommitted()}; this context
   *     converges on it)
   */
  long commit(Lease lease, long knownVersion, Map<String, String> changes) {
    ContextKeys keys = lease.keys;
    if (storeClosed.getAsBoolean()) {
      // checked first: closing the store also drops the connection
      throw LockLostException.storeClosed(keys.key(), lease.heldFor(), settings.uri(), null);
    }
    if (lease.disconnects != disconnects.get()) {
      release(lease);
      throw new LockLostException(keys.key(), lease.heldFor(), "the connection to Redis at "
          + settings.uri() + " was lost during the block (the store has reconnected since, but "
          + "a block commits only on the connection it took its lease on)", null);
    }
    String[] args = new String[5 + 2 * changes.size()];
    args[0] = lease.token;
    args[1] = lease.fence;
    args[2] = Long.toString(knownVersion);
    args[3] = Long.toString(settings.idleTtl().toMillis());
    args[4] = Integer.toString(STREAM_LENGTH);
    int i = 5;
    for (Map.Entry<String, String> change : changes.entrySet()) {
      args[i++] = change.getKey();
      args[i++] = change.getValue();
    }
    List<Object> reply;
    try {
      reply = LuaScript.COMMIT.run(
          redis, new String[] {keys.lease(), keys.state(), keys.changes()}, args);
    } catch (RedisException e) {
      release(lease); // if the commit did not run, the next holder need not wait for the TTL
      throw LockLostException.replyLost(keys.key(), lease.heldFor(), "the commit got no answer "
          + "from Redis at " + settings.uri() + " (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      // the store was closed after the block's last check: Lettuce's shut-down client refuses
      // the command before sending it (Netty's IllegalStateException), so nothing was written
      if (!storeClosed.getAsBoolean()) {
        throw e;
      }
      throw LockLostException.storeClosed(keys.key(), lease.heldFor(), settings.uri(), e);
    }
    if ((Long) reply.get(0) == 1) {
      return (Long) reply.get(1);
    }
    String why = switch ((String) reply.get(1)) {
      case "owner" -> "it expired or another holder took it";
      case "state" -> "the state expired from Redis or was deleted during the block (idle TTL, "
          + "a flush or a restart)";
      default -> "a newer holder took a fencing token since (a failover or an expired lease)";
    };
    throw new LockLostException(keys.key(), lease.heldFor(), why, null);
  }

  /** The connection dropped: leases taken before cannot commit ({@link #commit}). */
  void connectionLost() {
    disconnects.incrementAndGet();
  }

  /**
   * Releases {@code lease} if it is still held; a failure (Redis unreachable, or the store
   * closed meanwhile, whose close released it) only leaves it to expire.
   */
  void release(Lease lease) {
    try {
      LuaScript.RELEASE.runForLong(redis, new String[] {lease.keys.lease()}, lease.token);
    } catch (RedisException e) {
      // unreachable: the lease expires after its TTL
    } catch (RuntimeException e) {
      if (!storeClosed.getAsBoolean()) {
        throw e;
      }
    }
  }

  /**
   * Extends {@code lease} by the lease TTL, and its state by the idle TTL, if the lease is still
   * held; false if it is not.
   */
  boolean renew(Lease lease) {
    return LuaScript.RENEW.runForLong(redis,
        new String[] {lease.keys.lease(), lease.keys.state()}, lease.token,
        Long.toString(settings.leaseTtl().toMillis()),
        Long.toString(settings.idleTtl().toMillis())) == 1;
  }

  /** {@return the state hash of {@code keys} as it is now, without a lease} */
  Map<String, String> readState(ContextKeys keys) {
    return call(keys, "read the state", () -> redis.hgetall(keys.state()));
  }

  private <T> T call(ContextKeys keys, String what, java.util.function.Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new RedisUnavailableException("Could not " + what + " of '" + keys.key()
          + "' in Redis at " + settings.uri() + ": " + e.getMessage() + ". Nothing ran and the "
          + "local state is unchanged; check that Redis is reachable.", e);
    } catch (RuntimeException e) {
      if (!storeClosed.getAsBoolean()) {
        throw e;
      }
      throw new IllegalStateException("Could not " + what + " of '" + keys.key() + "': the "
          + "RedisStateStore on " + settings.uri() + " was closed meanwhile. Nothing ran and the "
          + "local state is unchanged; close the store only when the application stops.", e);
    }
  }

  private static Map<String, String> asMap(Object flat) {
    List<?> list = (List<?>) flat;
    Map<String, String> map = new HashMap<>(list.size());
    for (int i = 0; i + 1 < list.size(); i += 2) {
      map.put((String) list.get(i), (String) list.get(i + 1));
    }
    return map;
  }

  private static void pauseNanos(long nanos, ContextKeys keys) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while waiting for the Redis lease on '"
          + keys.key() + "': the task was cancelled; the block did not run.");
    }
  }
}
