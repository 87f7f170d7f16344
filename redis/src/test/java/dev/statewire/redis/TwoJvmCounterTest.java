package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.Statewire;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two JVMs, this one and a {@link CounterWorker}, each increment one counter in 10,000 lock
 * blocks at the same time: no increment is lost, none is applied twice.
 */
class TwoJvmCounterTest {
  private static final int PER_JVM = 10_000;
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void twoJvmsIncrementingOneCounterTenThousandTimesEachEndAtTwentyThousand() throws Exception {
    String uri = SharedRedis.uri();
    String key = Counters.freshKey("two-jvms");
    try (RedisStateStore store = RedisStateStore.connect(uri)) {
      TestCounter counter = Counters.bind(store, key);
      try (WorkerProcess other = WorkerProcess.start(
          uri, key, Duration.ofSeconds(10), "increment", Integer.toString(PER_JVM))) {
        other.awaitLine("ready", Duration.ofMinutes(1));
        other.send("go");
        for (int i = 0; i < PER_JVM; i++) {
          try (var self = Statewire.lock(counter)) {
            counter.increment();
          }
        }
        other.awaitLine("done", Duration.ofMinutes(8));
        assertEquals(0, other.awaitExit(Duration.ofMinutes(1)));
      }
      int seenHere;
      try (var self = Statewire.lock(counter)) {
        seenHere = counter.count();
      }
      assertEquals(2 * PER_JVM, seenHere);
      assertEquals(Counters.state(2 * PER_JVM, ""), Counters.committed(uri, key));
    }
  }
}
