package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Binding a {@link TestCounter} for the failure tests, and reading what Redis holds of one. A
 * failing holder's block writes {@code count} first and {@code label} last, so a committed
 * state with only its {@code count} would be a partial commit.
 */
final class Counters {
  /** The name every JVM binds its counter under. */
  static final String NAME = "counter";

  private Counters() {}

  /** {@return a key no other test uses} */
  static String freshKey(String test) {
    return "test:" + test + ":" + UUID.randomUUID();
  }

  /** {@return a counter bound under {@code key} in a new context of {@code store}} */
  static TestCounter bind(RedisStateStore store, String key) {
    ReactiveContext context = store.context(key);
    return store.bind(context, NAME, new TestCounter(context));
  }

  /**
   * Runs {@code writes} in a lock block on {@code counter} once Redis answers again: while the
   * store is still reconnecting (after a restart), each try fails at lock time with {@link
   * RedisUnavailableException} and must leave the local copy as it was.
   */
  static void lockOnceReconnected(TestCounter counter, Consumer<TestCounter> writes)
      throws InterruptedException {
    String before = describe(counter);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      try (var self = Statewire.lock(counter)) {
        writes.accept(counter);
        return;
      } catch (RedisUnavailableException notYet) {
        assertEquals(before, describe(counter), "a block refused at lock time changes nothing");
        if (System.nanoTime() > deadline) {
          fail("the store did not reconnect within a minute", notYet);
        }
        Thread.sleep(20);
      }
    }
  }

  /** {@return the text {@link #describe} gives for these values} */
  static String state(int count, String label) {
    return "count=" + count + " label=" + label;
  }

  /** {@return {@code counter}'s fields as this JVM reads them (inside a lock block: current)} */
  static String describe(TestCounter counter) {
    return state(counter.count(), counter.label());
  }

  /**
   * {@return the counter's latest committed state, read in a lock block of a store of its own:
   * what a JVM that joins now sees}
   */
  static String committed(String uri, String key) {
    try (RedisStateStore reader = RedisStateStore.connect(uri)) {
      TestCounter counter = bind(reader, key);
      try (var self = Statewire.lock(counter)) {
        return describe(counter);
      }
    }
  }

  /**
   * {@return the counter's fields in Redis's state hash, read directly without a lease} For a
   * look while another JVM holds the lease (binding would wait for it).
   */
  static String raw(String uri, String key) {
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      Map<String, String> hash = connection.sync()
          .hgetall(ContextKeys.of("statewire:", key).state());
      return "count=" + hash.get(NAME + ".count") + " label=" + hash.get(NAME + ".label");
    } finally {
      client.shutdown();
    }
  }

  /** {@link #raw} of a state whose label is {@code label}, a JSON string. */
  static String rawState(int count, String label) {
    return "count=" + count + " label=\"" + label + "\"";
  }
}
