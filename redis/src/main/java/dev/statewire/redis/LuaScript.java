package dev.statewire.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One of the store's Lua scripts, each one round trip that Redis runs atomically. Keys of one
 * context are {@code <prefix>{<key>}:lease}, {@code :state} (a hash: {@code @version}, {@code
 * @fence} and one {@code <object>.<field>} entry per persisted field, its value in JSON) and
 * {@code :changes} (a stream of commits, for replicas).
 */
enum LuaScript {
  /**
   * Takes the lease (SET NX PX) and the next fencing token (HINCRBY @fence), names the state's
   * incarnation ({@code @epoch}: the token of the first holder since the hash was created, so a
   * state lost and created anew has another), refreshes the state's idle TTL, and returns the
   * state when its version is newer than the caller's or its epoch is not the caller's.
   * KEYS: lease, state. ARGV: token, lease TTL ms, caller's version, idle TTL ms, caller's epoch.
   * Returns {1, fence, version, epoch[, flat state]} or {0, lease's remaining TTL ms}.
   */
  ACQUIRE("""
      if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
        return {0, redis.call('PTTL', KEYS[1])}
      end
      local fence = redis.call('HINCRBY', KEYS[2], '@fence', 1)
      redis.call('HSETNX', KEYS[2], '@epoch', ARGV[1])
      local epoch = redis.call('HGET', KEYS[2], '@epoch')
      redis.call('PEXPIRE', KEYS[2], ARGV[4])
      local version = tonumber(redis.call('HGET', KEYS[2], '@version') or '0')
      if version > tonumber(ARGV[3]) or epoch ~= ARGV[5] then
        return {1, fence, version, epoch, redis.call('HGETALL', KEYS[2])}
      end
      return {1, fence, version, epoch}
      """),

  /**
   * Commits and releases: checks that the caller still owns the lease and holds the latest fence,
   * then (if there are changes) appends them to the stream, writes them with the next version,
   * deletes the lease and refreshes the idle TTLs. Nothing is written unless both checks pass.
   * KEYS: lease, state, changes. ARGV: token, fence, caller's version, idle TTL ms, stream
   * length, then field/value pairs. Returns {1, version} or {0, 'owner' | 'state' | 'fence'}
   * ('state': the state hash is gone, so its fence cannot be checked).
   */
  COMMIT("""
      if redis.call('GET', KEYS[1]) ~= ARGV[1] then
        return {0, 'owner'}
      end
      local fence = redis.call('HGET', KEYS[2], '@fence')
      if not fence then
        return {0, 'state'}
      end
      if tonumber(fence) ~= tonumber(ARGV[2]) then
        return {0, 'fence'}
      end
      local version = tonumber(redis.call('HGET', KEYS[2], '@version') or '0')
      if #ARGV > 5 then
        version = math.max(version, tonumber(ARGV[3])) + 1
        local v = string.format('%d', version)
        local changes = {}
        for i = 6, #ARGV do
          changes[#changes + 1] = ARGV[i]
        end
        redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', '@version', v, unpack(changes))
        redis.call('HSET', KEYS[2], '@version', v, unpack(changes))
        redis.call('PEXPIRE', KEYS[3], ARGV[4])
      end
      redis.call('DEL', KEYS[1])
      redis.call('PEXPIRE', KEYS[2], ARGV[4])
      return {1, version}
      """),

  /** Deletes the lease if the caller owns it. KEYS: lease. ARGV: token. Returns 1 or 0. */
  RELEASE("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """),

  /**
   * Extends the lease if the caller owns it, and the state's idle TTL with it, so that a block
   * longer than the idle TTL does not see its state expire under it. KEYS: lease, state. ARGV:
   * token, lease TTL ms, idle TTL ms. Returns 1 or 0.
   */
  RENEW("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return redis.call('PEXPIRE', KEYS[1], ARGV[2])
      end
      return 0
      """);

  private final String source;
  private final String sha;

  LuaScript(String source) {
    this.source = source;
    this.sha = sha1(source);
  }

  /**
   * Runs the script by its digest, sending its source only if Redis does not know it yet (after
   * a restart, say): one round trip in the usual case.
   */
  List<Object> run(RedisCommands<String, String> redis, String[] keys, String... args) {
    try {
      return redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException unknown) {
      return redis.eval(source, ScriptOutputType.MULTI, keys, args);
    }
  }

  /** As {@link #run}, for the scripts that return one integer. */
  long runForLong(RedisCommands<String, String> redis, String[] keys, String... args) {
    try {
      return redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
    } catch (RedisNoScriptException unknown) {
      return redis.eval(source, ScriptOutputType.INTEGER, keys, args);
    }
  }

  private static String sha1(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
