package dev.statewire.examples.web;

import com.sun.net.httpserver.HttpServer;
import dev.statewire.redis.RedisStateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reflex's background-task counter as a web page, on the JDK's own {@link HttpServer}: one
 * {@code ReactiveTaskState} in its own context per browser tab, actions posted by the page,
 * committed changes pushed back over Server-Sent Events, idle tabs closed after a timeout.
 *
 * <pre>{@code
 * try (CounterServer server = CounterServer.builder().port(0).start()) {
 *   System.out.println("open " + server.url());
 * }
 * }</pre>
 */
public final class CounterServer implements AutoCloseable {
  private final HttpServer http;
  private final ServerThreads threads;
  private final SessionRegistry sessions;
  private final ScheduledExecutorService reaper;
  /** Where the tabs' states live when they are shared; null: in this process only. */
  private final RedisStateStore store;

  private CounterServer(Builder b) throws IOException {
    this.threads = new ServerThreads("counter-http");
    this.store = b.redisUri == null ? null : RedisStateStore.connect(b.redisUri);
    TabStates states = store == null ? TabStates.local(threads::execute) : TabStates.shared(store);
    TabLimits limits = new TabLimits(b.actionsInFlightPerTab, b.streamsPerTab);
    this.sessions = new SessionRegistry(b.maxSessions, b.idleTimeout, System::nanoTime,
        token -> newTab(token, states, b.tickInterval, limits), store != null);
    try {
      this.http = HttpServer.create(new InetSocketAddress(b.host, b.port), b.backlog);
    } catch (IOException e) {
      threads.shutdown();
      if (store != null) {
        store.close();
      }
      throw e;
    }
    http.setExecutor(threads::execute);
    http.createContext("/", new CounterHandler(sessions, page(), b.heartbeat, b.maxBodyBytes));
    this.reaper = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "counter-idle-tabs");
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(10, Math.min(b.idleTimeout.toMillis() / 4, 5_000));
    reaper.scheduleWithFixedDelay(sessions::expireIdle, period, period, TimeUnit.MILLISECONDS);
    http.start();
  }

  private TabSession newTab(String token, TabStates states, Duration tick, TabLimits limits) {
    TabSession tab = new TabSession(token, states, tick, limits, System.nanoTime());
    if (store != null) {
      System.out.println("tab " + token + " is Redis key session:" + token + "; on another server: "
          + url() + "?tab=" + token + " with that server's port");
    }
    return tab;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    InetSocketAddress bound = http.getAddress();
    return URI.create("http://" + bound.getHostString() + ":" + bound.getPort() + "/");
  }

  /** Ends every stream, closes every tab's state, stops the server and its threads. */
  @Override
  public void close() {
    reaper.shutdownNow();
    sessions.closeAll();
    http.stop(0);
    threads.shutdown();
    if (store != null) {
      store.close();
    }
  }

  SessionRegistry sessions() {
    return sessions;
  }

  ServerThreads threads() {
    return threads;
  }

  private static byte[] page() {
    try (InputStream in = CounterServer.class.getResourceAsStream("counter.html")) {
      return Objects.requireNonNull(in, "counter.html is missing from the class path")
          .readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's settings; every one has a default for the demo. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private int backlog = 1024;
    private int maxSessions = 1_000;
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration tickInterval = Duration.ofMillis(500);
    private Duration heartbeat = Duration.ofSeconds(15);
    private int streamsPerTab = 4;
    private int actionsInFlightPerTab = 8;
    private int maxBodyBytes = 1024;
    private String redisUri;

    private Builder() {}

    /** The address to bind (default 127.0.0.1: only this machine can open the page). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port (default 8080; 0 picks a free one, see {@link CounterServer#url()}). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** How many tabs may hold a session at once (default 1,000); beyond, a new tab gets 503. */
    public Builder maxSessions(int maxSessions) {
      this.maxSessions = positive(maxSessions, "maxSessions");
      return this;
    }

    /** How long a tab with no open stream and no request keeps its state (default 10 min). */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
      return this;
    }

    /** The pause between two steps of the counter (default 500 ms, as Reflex's example). */
    public Builder tickInterval(Duration tickInterval) {
      this.tickInterval = Objects.requireNonNull(tickInterval, "tickInterval");
      return this;
    }

    /** How often an idle stream sends a comment, which finds tabs gone (default 15 s). */
    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
      return this;
    }

    /** How many event streams one tab may hold open (default 4). */
    public Builder streamsPerTab(int streams) {
      this.streamsPerTab = positive(streams, "streamsPerTab");
      return this;
    }

    /** How many actions of one tab may wait for its lock at once (default 8); beyond, 429. */
    public Builder actionsInFlightPerTab(int actions) {
      this.actionsInFlightPerTab = positive(actions, "actionsInFlightPerTab");
      return this;
    }

    /**
     * Keeps every tab's state on Redis, under the key {@code session:<token>}, instead of in
     * this process (the default): servers started with the same URI share each tab, a token
     * another of them handed out is accepted here ({@code /?tab=TOKEN} opens it), and each
     * pushes the other's commits to its streams. The tabs' loops then run on the store's
     * executor rather than the server's threads.
     */
    public Builder redis(String uri) {
      this.redisUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /** Binds the port and starts serving. */
    public CounterServer start() throws IOException {
      return new CounterServer(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
      }
      return value;
    }
  }
}
