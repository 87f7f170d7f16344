package dev.statewire.benchmarks.redis;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import dev.statewire.benchmarks.lock.Ledger;
import dev.statewire.benchmarks.lock.ReactiveLedger;
import dev.statewire.redis.RedisStateStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Redis store against a local Redis (BENCHMARKS.md, "Redis store"); a plain harness, not
 * JMH, because one of its measurements spans two JVMs:
 *
 * <ol>
 *   <li>round trips: the commands Redis ran ({@code INFO commandstats} before and after) for
 *       each of {@code blocks} uncontended lock blocks that write two fields ({@link
 *       Ledger#post()});
 *   <li>latency: the same lock block against the bare Redis commands it needs ({@link
 *       BareFencedBlock}: two scripts) and against two {@code PING}s, median and mean;
 *   <li>throughput: two JVMs (this one and a copy it starts) of four threads each, all running
 *       that lock block on one key for {@code seconds}; the key's final count is checked
 *       against the blocks both JVMs report.
 * </ol>
 *
 * <pre>
 * RedisStoreBenchmark URI [BLOCKS (default 2000)] [SECONDS (default 10)]
 * </pre>
 */
@SuppressWarnings("try") // a lock block's guard is never read
public final class RedisStoreBenchmark {
  private static final int THREADS = 4;
  /**
   * The commands that run a script. {@code INFO commandstats} counts the commands a script calls
   * as well, so only these tell round trips apart from the work inside them.
   */
  private static final Set<String> SCRIPT_CALLS =
      Set.of("eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro");

  private RedisStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--worker")) {
      worker(args[1], args[2], Integer.parseInt(args[3]));
      return;
    }
    if (args.length < 1) {
      System.err.println("usage: RedisStoreBenchmark redis://127.0.0.1:6379 [BLOCKS] [SECONDS]");
      System.exit(2);
    }
    String uri = args[0];
    int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> connection = client.connect();
        RedisStateStore store = RedisStateStore.connect(uri)) {
      RedisCommands<String, String> redis = connection.sync();
      System.out.println("Redis " + redisVersion(redis) + ", " + Runtime.version() + ", "
          + Runtime.getRuntime().availableProcessors() + " cores, load "
          + loadAverage());
      roundTrips(store, redis, blocks);
      latency(store, redis, blocks);
      throughput(store, uri, seconds);
    } finally {
      client.shutdown();
    }
  }

  private static void roundTrips(RedisStateStore store, RedisCommands<String, String> redis,
      int blocks) {
    Ledger ledger = bind(store, key("round-trips"));
    for (int i = 0; i < 200; i++) {
      ledger.post(); // warm: scripts loaded, code compiled
    }
    CommandStats before = CommandStats.parse(redis.info("commandstats"));
    for (int i = 0; i < blocks; i++) {
      ledger.post();
    }
    CommandStats ran = CommandStats.parse(redis.info("commandstats")).since(before).withoutInfo();
    System.out.printf(Locale.ROOT, "%n== commands per uncontended lock block writing 2 fields"
        + " (INFO commandstats, %d blocks)%n", blocks);
    ran.calls().forEach((name, calls) -> System.out.printf(Locale.ROOT, "  %-16s %6.2f%s%n",
        name, calls / (double) blocks, SCRIPT_CALLS.contains(name) ? "  (a script: one round trip)"
            : "  (called by a script, or sent on its own)"));
    long scripts = ran.calls().entrySet().stream()
        .filter(e -> SCRIPT_CALLS.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
    System.out.printf(Locale.ROOT, "  scripts per block: %.2f%n", scripts / (double) blocks);
  }

  private static void latency(RedisStateStore store, RedisCommands<String, String> redis,
      int blocks) {
    Ledger ledger = bind(store, key("latency"));
    BareFencedBlock bare = new BareFencedBlock(redis, key("bare"));
    Runnable twoPings = () -> {
      redis.ping();
      redis.ping();
    };
    System.out.printf(Locale.ROOT, "%n== latency of one uncontended block, %d each"
        + " (microseconds: median / mean)%n", blocks);
    for (int round = 0; round < 2; round++) { // the first round warms up and is not printed
      double[] block = timed(ledger::post, blocks);
      double[] scripts = timed(bare::run, blocks);
      double[] pings = timed(twoPings, blocks);
      if (round == 1) {
        print("Statewire lock block", block);
        print("bare 2 scripts", scripts);
        print("2 x PING", pings);
        System.out.printf(Locale.ROOT, "  ratio block / bare scripts: %.2f (median), %.2f (mean);"
            + " block / 2 x PING: %.2f (median)%n", block[0] / scripts[0], block[1] / scripts[1],
            block[0] / pings[0]);
      }
    }
  }

  private static void throughput(RedisStateStore store, String uri, int seconds)
      throws IOException, InterruptedException {
    String key = key("contended");
    Ledger ledger = bind(store, key);
    long start = committedEntries(uri, key);
    Process other = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        RedisStoreBenchmark.class.getName(), "--worker", uri, key, Integer.toString(seconds))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader otherOut = new BufferedReader(
        new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
    expect(otherOut, "ready");
    Writer otherIn = new OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8);
    otherIn.write("go\n");
    otherIn.flush();
    long here = contend(ledger, seconds);
    String reported = expect(otherOut, "blocks ");
    long there = Long.parseLong(reported.substring("blocks ".length()));
    if (other.waitFor() != 0) {
      throw new IllegalStateException("the second JVM exited with " + other.exitValue());
    }
    long end = committedEntries(uri, key);
    if (end - start != here + there) {
      throw new IllegalStateException("lost or doubled blocks: the key went from " + start
          + " to " + end + ", the JVMs report " + here + " + " + there);
    }
    System.out.printf(Locale.ROOT, "%n== throughput: 2 JVMs x %d threads, one key, %d s%n"
        + "  this JVM %d blocks, the other %d; together %.0f blocks/s (count checked: %d)%n",
        THREADS, seconds, here, there, (here + there) / (double) seconds, end);
  }

  /** The second JVM of {@link #throughput}: "ready", waits for a line, contends, "blocks N". */
  private static void worker(String uri, String key, int seconds) throws IOException,
      InterruptedException {
    try (RedisStateStore store = RedisStateStore.connect(uri)) {
      Ledger ledger = bind(store, key);
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      long blocks = contend(ledger, seconds);
      System.out.println("blocks " + blocks);
      System.out.flush();
    }
  }

  /** {@return the lock blocks {@link #THREADS} threads ran on {@code ledger} in {@code seconds}} */
  private static long contend(Ledger ledger, int seconds) throws InterruptedException {
    LongAdder blocks = new LongAdder();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Thread[] threads = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      threads[t] = new Thread(() -> {
        while (System.nanoTime() < deadline) {
          ledger.post();
          blocks.increment();
        }
      }, "contender-" + t);
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return blocks.sum();
  }

  private static long committedEntries(String uri, String key) {
    try (RedisStateStore reader = RedisStateStore.connect(uri)) {
      Ledger ledger = bind(reader, key);
      try (var self = Statewire.lock(ledger)) { // the latest committed state
        return ledger.entries();
      }
    }
  }

  private static Ledger bind(RedisStateStore store, String key) {
    ReactiveContext context = store.context(key);
    return store.bind(context, "ledger", new ReactiveLedger(context));
  }

  private static String key(String purpose) {
    return "bench:" + purpose + ":" + UUID.randomUUID();
  }

  private static double[] timed(Runnable operation, int times) {
    long[] nanos = new long[times];
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      operation.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElse(0);
    return new double[] {nanos[times / 2] / 1_000.0, mean / 1_000.0};
  }

  private static void print(String what, double[] medianAndMean) {
    System.out.printf(Locale.ROOT, "  %-22s %8.1f / %8.1f%n", what, medianAndMean[0],
        medianAndMean[1]);
  }

  private static String expect(BufferedReader out, String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IllegalStateException("the second JVM ended without printing '" + prefix + "'");
  }

  private static String redisVersion(RedisCommands<String, String> redis) {
    return redis.info("server").lines()
        .filter(line -> line.startsWith("redis_version:"))
        .map(line -> line.substring("redis_version:".length()).strip())
        .findFirst().orElse("?");
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
    return String.format(Locale.ROOT, "%.2f", load);
  }
}
