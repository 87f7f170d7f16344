package dev.statewire.redis;

/**
 * The Redis keys of one context key: {@code <prefix>{<key>}:lease}, {@code :state} and {@code
 * :changes}. The braces make them one hash slot, so that one script can use all three on a
 * Redis Cluster too.
 *
 * @param key the key as given to {@code store.context(key)}
 * @param lease the lease: a string holding the holder's token, with the lease TTL
 * @param state the hash of persisted fields, {@code @version} and {@code @fence}
 * @param changes the stream of commits replicas read
 */
record ContextKeys(String key, String lease, String state, String changes) {
  static ContextKeys of(String prefix, String key) {
    String base = prefix + "{" + key + "}:";
    return new ContextKeys(key, base + "lease", base + "state", base + "changes");
  }
}
