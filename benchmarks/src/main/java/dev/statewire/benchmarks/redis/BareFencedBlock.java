package dev.statewire.benchmarks.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;

/**
 * The Redis commands a fenced lock block writing two fields needs, sent by hand without
 * Statewire: one script that takes the lease with a fresh fencing token and reads the version,
 * one that checks owner and fence, writes both fields, bumps the version, appends the change to
 * a stream, refreshes the idle TTL and releases. The floor the store's lock block is compared
 * with.
 */
final class BareFencedBlock {
  private static final String ACQUIRE = """
      if redis.call('EXISTS', KEYS[1]) == 1 then return false end
      local fence = redis.call('INCR', KEYS[2])
      redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'PX', ARGV[2])
      return {fence, redis.call('HGET', KEYS[3], 'version') or false}
      """;
  private static final String COMMIT = """
      if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
      redis.call('HSET', KEYS[2], 'debits', ARGV[2], 'credits', ARGV[3])
      local version = redis.call('HINCRBY', KEYS[2], 'version', 1)
      redis.call('XADD', KEYS[3], 'MAXLEN', '~', 1000, '*', 'version', version,
          'debits', ARGV[2], 'credits', ARGV[3])
      redis.call('PEXPIRE', KEYS[2], ARGV[4])
      redis.call('DEL', KEYS[1])
      return version
      """;

  private final RedisCommands<String, String> redis;
  private final String acquire;
  private final String commit;
  private final String[] acquireKeys;
  private final String[] commitKeys;
  private long debits;

  BareFencedBlock(RedisCommands<String, String> redis, String key) {
    this.redis = redis;
    this.acquire = redis.scriptLoad(ACQUIRE);
    this.commit = redis.scriptLoad(COMMIT);
    String tag = "{" + key + "}";
    this.acquireKeys = new String[] {tag + ":lease", tag + ":fence", tag + ":state"};
    this.commitKeys = new String[] {tag + ":lease", tag + ":state", tag + ":changes"};
  }

  /** One block: acquire, two field writes, commit and release; two round trips. */
  void run() {
    List<Object> taken = redis.evalsha(acquire, ScriptOutputType.MULTI, acquireKeys, "bench", "10000");
    if (taken == null || taken.isEmpty()) {
      throw new IllegalStateException("the bare lease " + acquireKeys[0] + " is held");
    }
    debits++;
    String owner = "bench:" + taken.get(0);
    Long version = redis.evalsha(commit, ScriptOutputType.INTEGER, commitKeys,
        owner, Long.toString(debits), Long.toString(debits), "3600000");
    if (version == null) {
      throw new IllegalStateException("the bare commit lost its lease " + commitKeys[0]);
    }
  }
}
