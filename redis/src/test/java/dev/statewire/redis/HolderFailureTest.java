package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Statewire;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The holder of a lease is a {@link CounterWorker} in another JVM, stopped in the middle of its
 * lock block (after {@code increment()}, before {@code setLabel("worker")}): killed with {@code
 * kill -9}, or paused with {@code kill -STOP} past its lease while this JVM commits. This JVM's
 * lock block waits for the lease to expire and then goes on; Redis never shows the holder's
 * half-done block, and a paused holder that resumes is refused by the fence.
 */
class HolderFailureTest {
  /** The worker's lease: short, so the tests wait little for it to expire. */
  private static final Duration WORKER_LEASE = Duration.ofSeconds(2);
  private static final Duration PATIENCE = Duration.ofMinutes(1);
  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aHolderKilledMidBlockLeavesNothingAndTheNextHolderProceedsOnceItsLeaseExpires()
      throws Exception {
    String uri = SharedRedis.uri();
    String key = Counters.freshKey("killed-holder");
    try (RedisStateStore store = RedisStateStore.connect(uri)) {
      TestCounter counter = Counters.bind(store, key);
      try (WorkerProcess holder = WorkerProcess.start(uri, key, WORKER_LEASE, "hold")) {
        holder.awaitLine("in-block", PATIENCE);
        assertEquals(Counters.rawState(0, ""), Counters.raw(uri, key),
            "while the holder is in its block, Redis shows none of it");
        holder.killHard(PATIENCE);
      }
      assertEquals(Counters.rawState(0, ""), Counters.raw(uri, key), "the killed block left nothing");

      try (var self = Statewire.lock(counter)) { // waits for the dead holder's lease to expire
        assertEquals(Counters.state(0, ""), Counters.describe(counter));
        addTenAs(counter, "after-kill");
      }
      assertEquals(Counters.state(10, "after-kill"), Counters.committed(uri, key));
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aHolderPausedPastItsLeaseIsRefusedByTheFenceWhenItResumes() throws Exception {
    String uri = SharedRedis.uri();
    String key = Counters.freshKey("paused-holder");
    try (RedisStateStore store = RedisStateStore.connect(uri)) {
      TestCounter counter = Counters.bind(store, key);
      try (WorkerProcess holder = WorkerProcess.start(uri, key, WORKER_LEASE, "hold")) {
        holder.awaitLine("in-block", PATIENCE);

        holder.pause();
        try (var self = Statewire.lock(counter)) { // only once the paused holder's lease expired
          addTenAs(counter, "while-paused");
        }
        assertEquals(Counters.state(10, "while-paused"), Counters.committed(uri, key));

        holder.resume();
        holder.send("finish the block");
        String refused = holder.awaitLine("lock-lost", PATIENCE);
        assertEquals(CounterWorker.LOCK_LOST, holder.awaitExit(PATIENCE));
        assertTrue(refused.contains(key), () -> "the message names the key: " + refused);
        assertTrue(!refused.contains("label=" + CounterWorker.LABEL),
            () -> "the refused block's writes are rolled back in its JVM: " + refused);
      }

      assertEquals(Counters.state(10, "while-paused"), Counters.committed(uri, key),
          "the committed write survives and the stale holder overwrote nothing");
      try (var self = Statewire.lock(counter)) {
        assertEquals(Counters.state(10, "while-paused"), Counters.describe(counter));
      }
    }
  }

  /** Ten increments and a label, in the caller's lock block. */
  private static void addTenAs(TestCounter counter, String label) {
    for (int i = 0; i < 10; i++) {
      counter.increment();
    }
    counter.setLabel(label);
  }
}
