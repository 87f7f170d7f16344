package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Statewire;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store's connections to Redis are killed while a lock block runs: its commit fails as a
 * lost lease, nothing of the block is applied in Redis or locally, and the store recovers.
 */
class ConnectionLossTest {
  private static RedisServerFixture redis;

  @BeforeAll
  static void startRedis() throws IOException {
    redis = RedisServerFixture.startNew();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aBlockWhoseConnectionsAreKilledFailsAsLeaseLostAndAppliesNothing() {
    String uri = redis.uri();
    String key = Counters.freshKey("client-kill");
    RedisClient admin = RedisClient.create(uri);
    try (RedisStateStore store = RedisStateStore.connect(uri);
        StatefulRedisConnection<String, String> adminConnection = admin.connect()) {
      TestCounter counter = Counters.bind(store, key);

      LockLostException lost = assertThrows(LockLostException.class, () -> {
        try (var self = Statewire.lock(counter)) {
          counter.increment();
          // every client but this one: the store's commands and its replica reader
          adminConnection.sync().clientKill(KillArgs.Builder.typeNormal());
          counter.setLabel("lost");
        }
      });

      assertTrue(lost.getMessage().contains(key), lost::getMessage);
      assertEquals(Counters.state(0, ""), Counters.describe(counter),
          "the block's writes are rolled back");
      assertEquals(Counters.state(0, ""), Counters.committed(uri, key), "nothing reached Redis");
      try (var self = Statewire.lock(counter)) { // the store reconnected
        counter.increment();
        counter.setLabel("after");
      }
      assertEquals(Counters.state(1, "after"), Counters.committed(uri, key));
    } finally {
      admin.shutdown();
    }
  }
}
