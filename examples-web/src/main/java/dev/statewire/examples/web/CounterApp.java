package dev.statewire.examples.web;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The README's main command: starts the counter page and prints where to open it.
 *
 * <pre>
 * --port N          the port (default 8080; 0 picks a free one)
 * --host ADDRESS    the address to bind (default 127.0.0.1)
 * --max-sessions N  tabs held at once (default 1000)
 * --idle-timeout S  seconds an idle tab keeps its state (default 600)
 * --redis URI       keep the tabs' states on Redis (e.g. redis://localhost:6379), shared with
 *                   every server started with the same URI; default: in this process only
 * </pre>
 */
public final class CounterApp {
  private CounterApp() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    CounterServer.Builder builder = CounterServer.builder();
    String redis = null;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        usage("missing value after " + args[i]);
      }
      switch (args[i]) {
        case "--port" -> builder.port(number(args[i], value));
        case "--host" -> builder.host(value);
        case "--max-sessions" -> builder.maxSessions(number(args[i], value));
        case "--idle-timeout" -> builder.idleTimeout(Duration.ofSeconds(number(args[i], value)));
        case "--redis" -> {
          redis = value;
          builder.redis(value);
        }
        default -> usage("unknown option " + args[i]);
      }
    }
    CounterServer server;
    try {
      server = builder.start();
    } catch (BindException inUse) {
      usage("cannot bind the port (" + inUse.getMessage() + "); pick another with --port N, "
          + "or --port 0 for a free one");
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "counter-shutdown"));
    System.out.println("Reflex's background-task counter: open " + server.url()
        + "  (one state per tab; Ctrl-C stops)");
    if (redis != null) {
      System.out.println("tabs live on " + redis + ", shared with every server started with"
          + " the same --redis: each new tab prints its token; open ?tab=TOKEN on another one");
    }
    new CountDownLatch(1).await();
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      usage(option + " takes a whole number, got '" + value + "'");
      return 0;
    }
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: CounterApp [--port N] [--host ADDRESS] [--max-sessions N]"
        + " [--idle-timeout SECONDS] [--redis URI]  (with Maven: -Dexec.args=\"--port 0\")");
    System.exit(2);
  }
}
