package dev.statewire.examples.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load run against the counter app on 127.0.0.1 (a benchmark, not a test; BENCHMARKS.md has
 * its figures): N tabs each open a session and its event stream, click Start, and watch their
 * counter climb to 10 and stop. It reports the sessions held (and the 503 beyond the cap), the
 * latency from a click to the pushed update, the server's threads, and the heap an idle session
 * keeps. Bounded: N requests of each kind, every phase under a time limit.
 *
 * <pre>
 * mvn -B -q -pl examples-web -am compile exec:java \
 *     -Dexec.mainClass=dev.statewire.examples.web.CounterLoadBenchmark [-Dexec.args=1000]
 * </pre>
 */
public final class CounterLoadBenchmark {
  private static final Pattern TOKEN = Pattern.compile("\\{\"token\":\"([A-Za-z0-9_-]{22})\"}");
  private static final Duration PHASE_LIMIT = Duration.ofSeconds(120);
  private static final int IN_FLIGHT = 64;

  private CounterLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tabs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    ThreadMXBean jvmThreads = ManagementFactory.getThreadMXBean();
    ExecutorService clientThreads = Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "load-client");
      thread.setDaemon(true);
      return thread;
    });
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .executor(clientThreads)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    try (CounterServer server = CounterServer.builder().port(0).maxSessions(tabs)
        .heartbeat(Duration.ofSeconds(1)).start()) {
      URI base = server.url();
      System.out.printf("%s %s, %d tabs against %s, server threads %s%n",
          System.getProperty("java.vm.name"), Runtime.version(), tabs, base,
          server.threads().isVirtual() ? "virtual" : "platform (cached pool)");
      int threadsBefore = jvmThreads.getThreadCount();
      jvmThreads.resetPeakThreadCount();
      long start = System.nanoTime();

      List<String> tokens = inBatches(tabs, i -> post(client, base.resolve("/sessions")))
          .stream().map(CounterLoadBenchmark::token).toList();
      int beyondCap = post(client, base.resolve("/sessions")).join().statusCode();
      System.out.printf("sessions held: %d; session %d got %d%n",
          server.sessions().size(), tabs + 1, beyondCap);

      List<TabStream> streams = new ArrayList<>();
      for (String token : tokens) {
        streams.add(new TabStream(client, base.resolve("/sessions/" + token + "/events")));
      }
      for (TabStream stream : streams) {
        stream.firstEvent.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
      }
      System.out.printf("streams open: %d%n", streams.size());

      long[] answered = new long[tabs];
      inBatches(tabs, i -> {
        long clicked = System.nanoTime();
        streams.get(i).clickedAt = clicked;
        return post(client, base.resolve("/sessions/" + tokens.get(i) + "/actions/toggleRunning"))
            .whenComplete((answer, failure) -> answered[i] = System.nanoTime() - clicked);
      });
      long[] latencies = new long[tabs];
      for (int i = 0; i < tabs; i++) {
        latencies[i] = streams.get(i).runningAt.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS)
            - streams.get(i).clickedAt;
      }
      Arrays.sort(answered);
      System.out.printf("click -> its answer: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          millis(answered[tabs / 2]), millis(answered[tabs * 99 / 100]),
          millis(answered[tabs - 1]));
      for (TabStream stream : streams) {
        stream.stoppedAtLimit.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
      }
      long events = streams.stream().mapToLong(s -> s.events).sum();
      Arrays.sort(latencies);
      System.out.printf("click -> pushed update: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          millis(latencies[tabs / 2]), millis(latencies[tabs * 99 / 100]),
          millis(latencies[tabs - 1]));
      System.out.printf("all %d counters reached 10 and stopped; %d events pushed; %.1f s so far%n",
          tabs, events, (System.nanoTime() - start) / 1e9);
      System.out.printf("threads: server tasks at once (one per open stream and running loop) "
          + "%d; JVM platform threads peak %d (%d before)%n",
          server.threads().peakRunning(), jvmThreads.getPeakThreadCount(), threadsBefore);

      streams.forEach(TabStream::close);
      long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
      while (server.sessions().all().stream().anyMatch(s -> s.openStreams() > 0)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("streams still open after " + PHASE_LIMIT);
        }
        Thread.sleep(100);
      }
      long idle = heapAfterGc();
      server.sessions().closeAll();
      long none = heapAfterGc();
      System.out.printf("memory per idle session: %.1f KiB (heap %d MiB with %d idle tabs, "
          + "%d MiB without)%n", (idle - none) / 1024.0 / tabs, idle >> 20, tabs, none >> 20);
      System.out.printf("total %.1f s; load average %s%n", (System.nanoTime() - start) / 1e9,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    } finally {
      clientThreads.shutdownNow();
    }
  }

  /** Sends request i for every i, at most IN_FLIGHT at once; waits for all answers. */
  private static List<HttpResponse<String>> inBatches(int count,
      Function<Integer, CompletableFuture<HttpResponse<String>>> request) throws Exception {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!slots.tryAcquire(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("no answer within " + PHASE_LIMIT);
      }
      answers.add(request.apply(i).whenComplete((answer, failure) -> slots.release()));
    }
    List<HttpResponse<String>> all = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      all.add(response);
    }
    return all;
  }

  private static CompletableFuture<HttpResponse<String>> post(HttpClient client, URI uri) {
    return client.sendAsync(
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
        BodyHandlers.ofString());
  }

  private static String token(HttpResponse<String> created) {
    Matcher token = TOKEN.matcher(created.body());
    if (!token.matches()) {
      throw new IllegalStateException("not a new session: " + created.body());
    }
    return token.group(1);
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  /** One tab's event stream, read asynchronously (no client thread per stream). */
  private static final class TabStream implements Flow.Subscriber<String> {
    final CompletableFuture<Void> firstEvent = new CompletableFuture<>();
    final CompletableFuture<Long> runningAt = new CompletableFuture<>();
    final CompletableFuture<Void> stoppedAtLimit = new CompletableFuture<>();
    volatile long clickedAt;
    volatile long events;
    private volatile Flow.Subscription subscription;

    TabStream(HttpClient client, URI events) {
      client.sendAsync(HttpRequest.newBuilder(events).GET().build(),
          BodyHandlers.fromLineSubscriber(this));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (!line.startsWith("data: ")) {
        return;
      }
      long now = System.nanoTime();
      events++;
      firstEvent.complete(null);
      if (line.contains("\"running\":true")) {
        runningAt.complete(now);
      } else if (line.startsWith("data: {\"counter\":10,") && runningAt.isDone()) {
        stoppedAtLimit.complete(null);
      }
    }

    @Override
    public void onError(Throwable failure) {
      firstEvent.completeExceptionally(failure);
      runningAt.completeExceptionally(failure);
      stoppedAtLimit.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      onError(new IllegalStateException("the stream ended"));
    }

    void close() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
