package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RedisStateStoreTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger KEYS = new AtomicInteger();

  private static RedisServerFixture server;
  private static RedisClient rawClient;
  private static StatefulRedisConnection<String, String> rawConnection;
  /** Direct access to Redis, to check what the store wrote and to play another holder. */
  private static RedisCommands<String, String> redis;

  private final List<AutoCloseable> closing = new ArrayList<>();
  private final String key = "session:" + KEYS.incrementAndGet();
  private final ContextKeys keys = ContextKeys.of("test:", key);

  @BeforeAll
  static void startRedis() throws Exception {
    server = RedisServerFixture.startNew();
    rawClient = RedisClient.create(server.uri());
    rawConnection = rawClient.connect();
    redis = rawConnection.sync();
  }

  @AfterAll
  static void stopRedis() {
    rawConnection.close();
    rawClient.shutdown();
    server.close();
  }

  @AfterEach
  void closeStores() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private RedisStateStore store() {
    return store(server);
  }

  private RedisStateStore store(RedisServerFixture on) {
    RedisStateStore store = RedisStateStore.builder(on.uri())
        .keyPrefix("test:")
        .commandTimeout(Duration.ofSeconds(2))
        .acquireTimeout(WAIT)
        .build();
    closing.add(store);
    return store;
  }

  private ReactiveContext context(RedisStateStore store) {
    ReactiveContext context = store.context(key);
    closing.add(context);
    return context;
  }

  private TestCounter boundCounter(RedisStateStore store) {
    ReactiveContext context = context(store);
    return store.bind(context, "counter", new TestCounter(context));
  }

  @Test
  void secondContextBindingTheSameKeySeesTheState() {
    TestCounter first = boundCounter(store());
    first.increment();
    first.increment();
    first.setLabel("two \"quoted\"");

    TestCounter second = boundCounter(store()); // another store: as another JVM
    assertEquals(2, second.count());
    assertEquals("two \"quoted\"", second.label());
    assertEquals("2", redis.hget(keys.state(), "counter.count"));
    assertEquals("4", redis.hget(keys.state(), "@version"), "bind, then three commits");
    assertNull(redis.get(keys.lease()), "released after each block");
  }

  @Test
  void firstBindWritesTheObjectsValuesToRedis() {
    TestCounter counter = boundCounter(store());
    assertEquals(0, counter.count());
    Map<String, String> state = redis.hgetall(keys.state());
    assertEquals("0", state.get("counter.count"));
    assertEquals("\"\"", state.get("counter.label"));
    assertEquals("1", state.get("@version"));
  }

  @Test
  void commitReachesAnotherContextAsAnOrdinaryCommitWhoseEffectsRun() {
    TestCounter writer = boundCounter(store());
    RedisStateStore replicaStore = store();
    ReactiveContext replicaContext = context(replicaStore);
    TestCounter replica = replicaStore.bind(replicaContext, "counter", new TestCounter(replicaContext));
    List<Integer> seen = new CopyOnWriteArrayList<>();
    replicaContext.effect(() -> seen.add(replica.count()));

    writer.increment();
    writer.increment();

    awaitTrue(() -> replica.count() == 2, "the replica applies both commits");
    awaitTrue(() -> seen.contains(2), "the replica's effect ran on the applied commit");
    assertEquals(0, seen.get(0));
  }

  @Test
  void contextThatMissedCommitsCatchesUpBeforeItsNextLockBlock() {
    TestCounter lagging = boundCounter(store());
    // commits it never read: another holder's, written without the stream
    redis.hset(keys.state(), Map.of("counter.count", "41", "@version", "9"));

    lagging.increment();

    assertEquals(42, lagging.count(), "refreshed to version 9 under the lease, then incremented");
    assertEquals("42", redis.hget(keys.state(), "counter.count"));
    assertEquals("10", redis.hget(keys.state(), "@version"));
  }

  @Test
  void replicaThatFindsAGapInTheStreamReadsTheWholeState() {
    TestCounter replica = boundCounter(store());
    redis.hset(keys.state(), Map.of("counter.count", "41", "@version", "9"));
    TestCounter writer = boundCounter(store()); // reads version 9 when it binds

    writer.increment(); // version 10 on the stream; the replica last saw version 1

    awaitTrue(() -> replica.count() == 42, "the replica read the whole state at the gap");
  }

  @Test
  void lostLeaseRefusesTheCommitRollsBackAndPublishesNothing() {
    TestCounter holder = boundCounter(store());
    holder.increment();
    RedisStateStore replicaStore = store();
    ReactiveContext replicaContext = context(replicaStore);
    TestCounter replica = replicaStore.bind(replicaContext, "counter", new TestCounter(replicaContext));
    List<Integer> seenLocally = new CopyOnWriteArrayList<>();
    holder.reactiveContext().effect(() -> seenLocally.add(holder.count()));
    long streamLength = redis.xlen(keys.changes());

    LockLostException lost = assertThrows(LockLostException.class,
        () -> Statewire.lock(holder, () -> {
          holder.count = 100;
          redis.set(keys.lease(), "another-holder"); // the lease expired and was taken
        }));

    assertEquals(key, lost.key());
    assertFalse(lost.heldFor().isNegative());
    assertTrue(lost.getMessage().contains("'" + key + "'"), lost.getMessage());
    assertEquals(1, holder.count(), "local writes rolled back");
    assertEquals(1, holder.count);
    assertEquals(List.of(1), seenLocally, "nothing published locally");
    assertEquals("1", redis.hget(keys.state(), "counter.count"), "nothing written to Redis");
    assertEquals(streamLength, redis.xlen(keys.changes()), "nothing sent to replicas");
    assertEquals(1, replica.count());
    assertEquals("another-holder", redis.get(keys.lease()), "the other holder's lease is kept");
  }

  @Test
  void staleHolderIsRefusedAndTheNewerHoldersWriteSurvives() throws Exception {
    TestCounter stale = boundCounter(store());
    TestCounter newer = boundCounter(store());
    ExecutorService otherThread = Executors.newSingleThreadExecutor();
    try {
      assertThrows(LockLostException.class, () -> Statewire.lock(stale, () -> {
        stale.count = 100;
        redis.del(keys.lease()); // the stale holder paused past its lease TTL
        awaitUnchecked(otherThread.submit(newer::increment));
      }));
    } finally {
      otherThread.shutdownNow();
    }
    assertEquals("1", redis.hget(keys.state(), "counter.count"), "no stale overwrite");
    assertEquals(1, newer.count());
    stale.increment();
    assertEquals(2, stale.count(), "the next block of the stale holder reads the newer state");
  }

  @Test
  void fenceRefusesAHolderWhoseLeaseKeySurvivedANewerAcquisition() {
    TestCounter holder = boundCounter(store());
    LockLostException lost = assertThrows(LockLostException.class,
        () -> Statewire.lock(holder, () -> {
          holder.count = 7;
          // a failover kept this lease key, but a newer holder took the next fencing token
          redis.hincrby(keys.state(), "@fence", 1);
        }));
    assertTrue(lost.getMessage().contains("fencing token"), lost.getMessage());
    assertEquals(0, holder.count());
    assertEquals("0", redis.hget(keys.state(), "counter.count"));
  }

  @Test
  void redisDownAtLockTimeFailsTypedAndLeavesTheLocalStateUnchanged() throws Exception {
    try (RedisServerFixture doomed = RedisServerFixture.startNew()) {
      RedisStateStore store = store(doomed);
      TestCounter counter = boundCounter(store);
      counter.increment();
      doomed.stop();

      assertThrows(RedisUnavailableException.class, counter::increment);

      assertEquals(1, counter.count());
      assertEquals(1, counter.count);
      assertFalse(counter.reactiveContext().isHeldByCurrentThread());
    }
  }

  @Test
  void redisRestartWithoutPersistenceIsSurvivedByTheLocalCopy() throws Exception {
    try (RedisServerFixture restarted = RedisServerFixture.startNew()) {
      TestCounter counter = boundCounter(store(restarted));
      counter.increment();
      counter.increment();
      restarted.stop();
      restarted.start(); // on the same port, with nothing in it

      awaitTrue(() -> incrementedOnceReconnected(counter), "a block succeeds after the restart");

      assertEquals(3, counter.count());
      RedisClient client = RedisClient.create(restarted.uri());
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        assertEquals("3", connection.sync().hget(keys.state(), "counter.count"),
            "the local copy was written back whole");
      } finally {
        client.shutdown();
      }
    }
  }

  private static boolean incrementedOnceReconnected(TestCounter counter) {
    try {
      counter.increment();
      return true;
    } catch (RedisUnavailableException notYet) {
      return false; // Lettuce is still reconnecting; the block did not run
    }
  }

  @Test
  void redisLostDuringABlockFailsItsCommitAsLeaseLostAndRollsBack() throws Exception {
    try (RedisServerFixture doomed = RedisServerFixture.startNew()) {
      TestCounter counter = boundCounter(store(doomed));
      counter.increment();

      assertThrows(LockLostException.class, () -> Statewire.lock(counter, () -> {
        counter.count = 50;
        doomed.stop();
      }));

      assertEquals(1, counter.count());
      assertEquals(1, counter.count);
    }
  }

  @Test
  void watchdogKeepsTheLeaseOfABlockLongerThanItsTtl() {
    RedisStateStore store = RedisStateStore.builder(server.uri())
        .keyPrefix("test:")
        .leaseTtl(Duration.ofSeconds(2))
        .build();
    closing.add(store);
    TestCounter counter = boundCounter(store);
    Statewire.lock(counter, () -> {
      counter.count = 9;
      long start = System.nanoTime();
      int renewals = 0;
      long last = redis.pttl(keys.lease());
      // runs past twice the TTL, and until the watchdog extended the lease three times
      while (renewals < 3 || System.nanoTime() - start < Duration.ofSeconds(4).toNanos()) {
        long ttl = redis.pttl(keys.lease());
        assertTrue(ttl > 0, "the lease is still held");
        if (ttl > last) {
          renewals++;
        }
        last = ttl;
        sleepMillis(50);
      }
    });
    assertEquals("9", redis.hget(keys.state(), "counter.count"));
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Test
  void unboundObjectFailsOnItsFirstLockBlockNamingItsClass() {
    RedisStateStore store = store();
    ReactiveContext context = context(store);
    TestCounter forgotten = new TestCounter(context);
    UnboundObjectException e = assertThrows(UnboundObjectException.class, forgotten::increment);
    assertTrue(e.getMessage().contains("TestCounter"), e.getMessage());
    assertTrue(e.getMessage().contains("store.bind("), e.getMessage());
    assertEquals(0, forgotten.count());
  }

  @Test
  void bindingTheSameNameTwiceInAContextFails() {
    RedisStateStore store = store();
    ReactiveContext context = context(store);
    store.bind(context, "counter", new TestCounter(context));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.bind(context, "counter", new TestCounter(context)));
    assertTrue(e.getMessage().contains("'counter'"), e.getMessage());
  }

  @Test
  void concurrentIncrementsFromSeveralContextsAddUpExactly() throws Exception {
    int contexts = 4;
    int perContext = 150;
    RedisStateStore store = store();
    List<TestCounter> counters = new ArrayList<>();
    for (int i = 0; i < contexts; i++) {
      counters.add(boundCounter(i % 2 == 0 ? store : store()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(contexts);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (TestCounter counter : counters) {
        done.add(threads.submit(() -> {
          for (int n = 0; n < perContext; n++) {
            counter.increment();
          }
        }));
      }
      for (Future<?> f : done) {
        awaitDone(f);
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(Integer.toString(contexts * perContext), redis.hget(keys.state(), "counter.count"));
    TestCounter fresh = boundCounter(store());
    assertEquals(contexts * perContext, fresh.count());
  }

  @Test
  void lockBlockRefreshesTheIdleTtl() {
    TestCounter counter = boundCounter(store());
    counter.increment();
    redis.pexpire(keys.state(), 5_000);
    redis.pexpire(keys.changes(), 5_000);

    counter.increment();

    assertTrue(redis.pttl(keys.state()) > 5_000, "state TTL reset to the idle TTL (1 h)");
    assertTrue(redis.pttl(keys.changes()) > 5_000, "stream TTL reset too");
    assertTrue(redis.pttl(keys.state()) <= Duration.ofHours(1).toMillis());
  }

  @Test
  void uncontendedBlockIsTwoRoundTrips() {
    TestCounter counter = boundCounter(store());
    counter.increment(); // scripts are known to Redis from here on
    redis.configResetstat();
    counter.increment();
    String stats = redis.info("commandstats");
    assertTrue(stats.contains("cmdstat_evalsha:calls=2,"), stats);
    assertFalse(stats.contains("cmdstat_eval:"), stats);
  }

  @Test
  void failedBlockReleasesTheLeaseAndWritesNothing() {
    TestCounter counter = boundCounter(store());
    IllegalStateException failure = new IllegalStateException("user code failed");
    assertSame(failure, assertThrows(IllegalStateException.class,
        () -> Statewire.lock(counter, () -> {
          counter.count = 5;
          throw failure;
        })));
    assertNull(redis.get(keys.lease()));
    assertEquals("0", redis.hget(keys.state(), "counter.count"));
    assertEquals(0, counter.count());
  }

  private static Object awaitDone(Future<?> future) throws Exception {
    return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void awaitUnchecked(Future<?> future) {
    try {
      awaitDone(future);
    } catch (Exception e) {
      throw new AssertionError("the other holder's block failed", e);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
      }
      sleepMillis(10);
    }
  }
}
