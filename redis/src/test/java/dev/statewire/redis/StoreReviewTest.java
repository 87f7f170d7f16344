package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Regression tests of a review that tried to break the store as a user would. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreReviewTest {
  private static final AtomicInteger KEYS = new AtomicInteger();

  private static String uri;
  private static RedisClient rawClient;
  private static StatefulRedisConnection<String, String> rawConnection;
  private static RedisCommands<String, String> redis;

  private final String key = "review:" + KEYS.incrementAndGet();
  private final ContextKeys keys = ContextKeys.of("review:", key);

  @BeforeAll
  static void connect() throws Exception {
    uri = SharedRedis.uri();
    rawClient = RedisClient.create(uri);
    rawConnection = rawClient.connect();
    redis = rawConnection.sync();
  }

  @AfterAll
  static void disconnect() {
    rawConnection.close();
    rawClient.shutdown();
  }

  private static RedisStateStore.Builder builder() {
    return RedisStateStore.builder(uri).keyPrefix("review:").acquireTimeout(Await.WAIT);
  }

  @Test
  void blockLongerThanTheIdleTtlKeepsItsStateAndCommits() {
    // the state hash used to expire under a block that outlived the idle TTL: its commit was
    // then refused as a fencing failure and the whole state was gone from Redis
    try (RedisStateStore store = builder().idleTtl(Duration.ofSeconds(1)).build()) {
      ReactiveContext context = store.context(key);
      TestCounter counter = store.bind(context, "counter", new TestCounter(context));
      counter.setLabel("kept");
      Statewire.lock(counter, () -> {
        counter.count = 5;
        Await.sleep(2_500);
      });
      assertEquals("5", redis.hget(keys.state(), "counter.count"));
      assertEquals("\"kept\"", redis.hget(keys.state(), "counter.label"));
      context.close();
    }
  }

  @Test
  void commitOnAStateThatVanishedIsRefusedNamingWhy() {
    try (RedisStateStore store = builder().build()) {
      ReactiveContext context = store.context(key);
      TestCounter counter = store.bind(context, "counter", new TestCounter(context));
      LockLostException lost = assertThrows(LockLostException.class,
          () -> Statewire.lock(counter, () -> {
            counter.count = 3;
            redis.del(keys.state()); // a FLUSHALL, say, while the lease is held
          }));
      assertTrue(lost.getMessage().contains("the state expired from Redis or was deleted"),
          lost.getMessage());
      assertFalse(lost.mayHaveCommitted());
      assertEquals(0, counter.count());
      context.close();
    }
  }

  @Test
  void commitWhoseReplyWasLostSaysItMayHaveCommittedAndTheContextConverges() {
    try (RedisStateStore store = builder().commandTimeout(Duration.ofSeconds(1)).build()) {
      ReactiveContext context = store.context(key);
      TestCounter counter = store.bind(context, "counter", new TestCounter(context));
      LockLostException lost = assertThrows(LockLostException.class,
          () -> Statewire.lock(counter, () -> {
            counter.count = 7;
            // Redis runs the commit only after the store's command timed out: its reply is lost
            redis.clientPause(4_000);
          }));
      assertTrue(lost.mayHaveCommitted());
      assertTrue(lost.getMessage().contains("Redis may have applied the commit"),
          lost.getMessage());
      assertTrue(lost.getMessage().contains("'" + key + "'"), lost.getMessage());
      assertEquals(0, counter.count, "rolled back locally");
      Await.until(() -> "7".equals(redis.hget(keys.state(), "counter.count")),
          "Redis ran the commit once the pause ended");
      Await.until(() -> counter.count() == 7, "the context converges on Redis's state");
      context.close();
    }
  }

  @Test
  void nestedBlockAndActionsOnTwoBoundObjectsAreOneCommitOfTwoRoundTrips() {
    try (RedisStateStore store = builder().build()) {
      ReactiveContext context = store.context(key);
      TestCounter first = store.bind(context, "first", new TestCounter(context));
      TestCounter second = store.bind(context, "second", new TestCounter(context));
      first.increment(); // scripts are known to Redis from here on
      long entries = redis.xlen(keys.changes());
      redis.configResetstat();

      Statewire.lock(first, () -> {
        first.count = 10;
        Statewire.lock(first, () -> first.label = "nested");
        second.increment();
        Statewire.lock(second, () -> second.label = "both");
      });

      String stats = redis.info("commandstats");
      assertTrue(stats.contains("cmdstat_evalsha:calls=2,"), stats);
      assertEquals(entries + 1, redis.xlen(keys.changes()), "one stream entry for the block");
      assertEquals("10", redis.hget(keys.state(), "first.count"));
      assertEquals("\"nested\"", redis.hget(keys.state(), "first.label"));
      assertEquals("1", redis.hget(keys.state(), "second.count"));
      assertEquals("\"both\"", redis.hget(keys.state(), "second.label"));
      context.close();
    }
  }

  @Test
  void closingTheStoreDuringABlockReleasesItsLeaseAndRefusesItsCommit() {
    // the commit used to fail with Netty's untyped IllegalStateException ("cannot be started
    // once stopped") on the shut-down client, leaving the lease to its TTL
    RedisStateStore store = builder().build();
    ReactiveContext context = store.context(key);
    TestCounter counter = store.bind(context, "counter", new TestCounter(context));
    LockLostException lost = assertThrows(LockLostException.class,
        () -> Statewire.lock(counter, () -> {
          counter.count = 4;
          store.close();
        }));
    assertTrue(lost.getMessage().contains("was closed during the block"), lost.getMessage());
    assertFalse(lost.mayHaveCommitted());
    assertEquals(0, redis.exists(keys.lease()), "the lease was released, not left to its TTL");
    assertEquals("0", redis.hget(keys.state(), "counter.count"));
    assertEquals(0, counter.count());
    assertThrows(IllegalStateException.class, counter::increment);
    context.close();
  }

  @Test
  void commitRacingTheStoresCloseIsALostLeaseNotNettysException() {
    // the block's check that the store is open passed, then another thread closed it before
    // the commit script went out: Lettuce's shut-down client throws Netty's untyped
    // IllegalStateException, which must come out as the store's typed failure
    RedisStateStore store = builder().build();
    Lease lease = store.leases().acquire(keys, -1, "").lease();
    store.close();
    LockLostException lost = assertThrows(LockLostException.class,
        () -> store.leases().commit(lease, 0, Map.of("counter.count", "1")));
    assertTrue(lost.getMessage().contains("was closed during the block"), lost.getMessage());
    assertFalse(lost.mayHaveCommitted());
    assertNull(redis.hget(keys.state(), "counter.count"), "nothing was written");
    store.leases().release(lease); // best effort, silent once the store is closed
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> store.leases().acquire(keys, -1, ""));
    assertTrue(refused.getMessage().contains("was closed meanwhile"), refused.getMessage());
  }

  @Test
  void stateLostAndWrittenAnewByAnotherContextIsNotMistakenForThisCopy() {
    // the versions of a state created anew start again: a copy of the lost state at a version
    // as high or higher used to take itself for up to date (or for the only copy left), read
    // stale values in its block and overwrite the new state's writes with them
    try (RedisStateStore first = builder().build(); RedisStateStore second = builder().build()) {
      ReactiveContext oldContext = first.context(key);
      TestCounter old = first.bind(oldContext, "counter", new TestCounter(oldContext));
      old.increment();
      old.increment();
      old.increment(); // Redis at version 4: the bind, then three commits
      redis.del(keys.state(), keys.changes()); // idle TTL ran out while this JVM kept its copy

      ReactiveContext newContext = second.context(key);
      TestCounter fresh = second.bind(newContext, "counter", new TestCounter(newContext));
      fresh.increment();
      fresh.setLabel("new"); // version 3, of another state
      assertEquals("3", redis.hget(keys.state(), "@version"));

      Statewire.lock(old, () -> {
        assertEquals(1, old.count, "the block reads the state Redis holds");
        assertEquals("new", old.label);
        old.count++;
      });
      assertEquals("2", redis.hget(keys.state(), "counter.count"), "no lost write");
      assertEquals("\"new\"", redis.hget(keys.state(), "counter.label"));
      Await.until(() -> fresh.count() == 2, "the other context converges");
      oldContext.close();
      newContext.close();
    }
  }

  @Test
  void closedStoreLeavesNoThreadBehind() {
    Set<Thread> before = liveThreads();
    RedisStateStore store = builder().build();
    ReactiveContext context = store.context(key);
    TestCounter counter = store.bind(context, "counter", new TestCounter(context));
    ReactiveContext replicaContext = store.context(key);
    TestCounter replica = store.bind(replicaContext, "counter", new TestCounter(replicaContext));
    counter.increment();
    Await.until(() -> replica.count() == 1, "the replica applied the commit");
    assertFalse(newThreads(before).isEmpty(), "the store runs threads while open");

    context.close();
    replicaContext.close();
    store.close();

    Await.until(() -> newThreads(before).isEmpty(),
        "every thread the store started ends after close(): still alive " + newThreads(before));
  }

  private static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /** Threads alive now that were not before, but the JVM's shared pools. */
  private static List<String> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t))
        .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool"))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.toList());
  }


}
