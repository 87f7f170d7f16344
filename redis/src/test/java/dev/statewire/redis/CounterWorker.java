package dev.statewire.redis;

import dev.statewire.Statewire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The other JVM of the cross-process tests, started by {@link WorkerProcess}. It binds a
 * {@link TestCounter} under a key and reports on its standard output, one line per event, for
 * the test to read:
 *
 * <pre>
 * CounterWorker URI KEY LEASE_MILLIS increment N   "ready", waits for a line on standard input,
 *                                                  N lock blocks of increment(), "done"
 * CounterWorker URI KEY LEASE_MILLIS hold          "ready"; in one lock block increment(),
 *                                                  "in-block", waits for a line on standard
 *                                                  input, setLabel("worker"); then "committed"
 * </pre>
 *
 * <p>A lock block refused because its lease was lost prints {@code lock-lost <local state> |
 * <message>} and exits with {@link #LOCK_LOST}; any other failure exits with 1.
 */
public final class CounterWorker {
  /** The exit code after a {@link LockLostException}. */
  static final int LOCK_LOST = 3;
  /** The label a held block writes last. */
  static final String LABEL = "worker";

  private CounterWorker() {}

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    RedisStateStore store = RedisStateStore.builder(args[0])
        .leaseTtl(Duration.ofMillis(Long.parseLong(args[2])))
        .build();
    TestCounter counter = Counters.bind(store, args[1]);
    say("ready");
    try {
      switch (args[3]) {
        case "increment" -> increment(counter, Integer.parseInt(args[4]), in);
        case "hold" -> hold(counter, in);
        default -> throw new IllegalArgumentException("unknown command " + args[3]);
      }
    } catch (LockLostException lost) {
      say("lock-lost " + Counters.describe(counter) + " | " + lost.getMessage());
      System.exit(LOCK_LOST);
    }
    store.close();
    System.exit(0);
  }

  private static void increment(TestCounter counter, int times, BufferedReader in)
      throws IOException {
    in.readLine();
    for (int i = 0; i < times; i++) {
      try (var self = Statewire.lock(counter)) {
        counter.increment();
      }
    }
    say("done");
  }

  private static void hold(TestCounter counter, BufferedReader in) throws IOException {
    try (var self = Statewire.lock(counter)) {
      counter.increment();
      say("in-block");
      in.readLine();
      counter.setLabel(LABEL);
    }
    say("committed");
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
