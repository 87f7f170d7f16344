package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Statewire;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redis itself goes away (a server of this test's own, persistence off): stopped while a lock
 * block runs, or restarted between two blocks, losing every key.
 */
class RedisRestartTest {
  private RedisServerFixture redis;

  @BeforeEach
  void startRedis() throws IOException {
    redis = RedisServerFixture.startNew();
  }

  @AfterEach
  void stopRedis() {
    redis.close();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aBlockWhoseRedisStopsFailsAsLeaseLostAndTheStoreGoesOnOnceRedisIsBack()
      throws IOException, InterruptedException {
    String uri = redis.uri();
    String key = Counters.freshKey("redis-stopped");
    try (RedisStateStore store = RedisStateStore.connect(uri)) {
      TestCounter counter = Counters.bind(store, key);

      LockLostException lost = assertThrows(LockLostException.class, () -> {
        try (var self = Statewire.lock(counter)) {
          counter.increment();
          redis.stop();
          counter.setLabel("lost");
        }
      });

      assertTrue(lost.getMessage().contains(key), lost::getMessage);
      assertEquals(Counters.state(0, ""), Counters.describe(counter),
          "the block's writes are rolled back");
      redis.start();
      Counters.lockOnceReconnected(counter, c -> {
        c.increment();
        c.setLabel("back");
      });
      assertEquals(Counters.state(1, "back"), Counters.committed(uri, key));
    }
  }

  /**
   * The documented behaviour (redis/README.md, "Limits"): blocks fail with {@link
   * RedisUnavailableException} until the store has reconnected; then a context whose copy is
   * newer than what Redis holds writes its whole copy back with its next commit (the field the
   * block did not write too), and the other JVM's copy converges on it.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void afterARestartThatLostTheKeyTheNextBlockWritesTheWholeLocalCopyBack()
      throws IOException, InterruptedException {
    String uri = redis.uri();
    String key = Counters.freshKey("redis-restarted");
    try (RedisStateStore store = RedisStateStore.connect(uri);
        RedisStateStore other = RedisStateStore.connect(uri)) {
      TestCounter counter = Counters.bind(store, key);
      for (int i = 1; i <= 3; i++) {
        try (var self = Statewire.lock(counter)) {
          counter.increment();
          counter.setLabel("before-" + i);
        }
      }
      TestCounter otherCounter = Counters.bind(other, key);
      try (var self = Statewire.lock(otherCounter)) {
        assertEquals(Counters.state(3, "before-3"), Counters.describe(otherCounter));
      }

      redis.stop();
      redis.start(); // persistence off: every key is gone

      Counters.lockOnceReconnected(counter, TestCounter::increment); // no wait for a lost lease
      assertEquals(Counters.state(4, "before-3"), Counters.committed(uri, key),
          "Redis holds the whole copy, not only the field the block wrote");
      try (var self = Statewire.lock(otherCounter)) {
        assertEquals(Counters.state(4, "before-3"), Counters.describe(otherCounter));
      }
    }
  }
}
