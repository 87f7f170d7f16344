package dev.statewire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import dev.statewire.redis.RedisServerFixture;
import dev.statewire.redis.RedisStateStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two-JVM demo run twice at once (two stores in this JVM stand for the two JVMs): the runs
 * add their 20 steps to one shared counter, and each prints the end of the other's count too.
 */
class SharedCounterDemoTest {
  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void twoRunsAtOnceCountOneCounterToTheSumOfTheirSteps() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ExecutorService runs = Executors.newFixedThreadPool(2);
    try (RedisServerFixture redis = RedisServerFixture.startNew()) {
      String[] args = {redis.uri()};
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      try {
        List<Future<Object>> both = runs.invokeAll(List.of(
            () -> run(args), () -> run(args)), 2, TimeUnit.MINUTES);
        for (Future<Object> run : both) {
          run.get();
        }
      } finally {
        System.setOut(original);
      }
      List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(2, lines.stream().filter(l -> l.endsWith("counter 40 / 40  (stopped)")).count(),
          () -> "both runs print the shared end: " + lines);
      assertTrue(lines.stream().anyMatch(l -> l.endsWith("limit raised to 40; counting")),
          lines::toString);

      try (RedisStateStore store = RedisStateStore.connect(redis.uri())) {
        ReactiveContext context = store.context(SharedCounterDemo.KEY);
        var state = store.bind(context, "counter",
            new ReactiveTaskState(context, Duration.ofMillis(500), line -> { }));
        try (var self = Statewire.lock(state)) {
          assertEquals(2 * SharedCounterDemo.STEPS, state.getCounter());
          assertEquals(2 * SharedCounterDemo.STEPS, state.getMaxCounter());
          assertFalse(state.isRunning());
        }
      }
    } finally {
      runs.shutdownNow();
    }
  }

  private static Object run(String[] args) throws InterruptedException {
    SharedCounterDemo.main(args);
    return null;
  }
}
