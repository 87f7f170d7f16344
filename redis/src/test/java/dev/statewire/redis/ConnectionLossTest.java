package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Statewire;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store's connections to Redis are killed while a lock block runs ({@code CLIENT KILL}):
 * even once the store has reconnected, the block's commit fails as a lost lease, nothing of the
 * block is applied in Redis or locally, and the next block goes through.
 */
class ConnectionLossTest {
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aBlockWhoseConnectionsAreKilledFailsAsLeaseLostAndAppliesNothing() throws IOException {
    String uri = SharedRedis.uri();
    String key = Counters.freshKey("client-kill");
    RedisClient adminClient = RedisClient.create(uri);
    try (RedisStateStore store = RedisStateStore.connect(uri);
        StatefulRedisConnection<String, String> adminConnection = adminClient.connect()) {
      TestCounter counter = Counters.bind(store, key);
      RedisCommands<String, String> admin = adminConnection.sync();
      long storeConnections = otherClients(admin);

      LockLostException lost = assertThrows(LockLostException.class, () -> {
        try (var self = Statewire.lock(counter)) {
          counter.increment();
          // every client but this one: the store's commands and its replica reader
          admin.clientKill(KillArgs.Builder.typeNormal());
          // the store reconnects by itself: the commit goes out on a new connection, and the
          // lease is still there, but the block ran across a lost connection
          awaitReconnected(admin, storeConnections);
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
      adminClient.shutdown();
    }
  }

  /** {@return how many clients Redis has besides {@code admin}'s own connection} */
  private static long otherClients(RedisCommands<String, String> admin) {
    return admin.clientList().lines().filter(line -> !line.isBlank()).count() - 1;
  }

  private static void awaitReconnected(RedisCommands<String, String> admin, long clients)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (otherClients(admin) < clients) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the store did not reconnect within 30 s");
      }
      Thread.sleep(10);
    }
  }
}
