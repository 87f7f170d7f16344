package dev.statewire.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Redis server for tests: {@code redis-server} from the {@code PATH}, or else the Redis
 * 6.2 binary that the test dependency {@code com.github.codemonstur:embedded-redis} ships, so
 * that {@code mvn verify} works on a machine with only a JDK and Maven. It listens on a free
 * port of 127.0.0.1, persists nothing ({@code --save "" --appendonly no}) and is stopped by
 * {@link #close()}. {@link #stop()} and {@link #start()} again on the same port simulate a
 * Redis restart (its state is gone).
 */
public final class RedisServerFixture implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.");
  /** The binary, found once per JVM. */
  private static Path binary;

  private final int port;
  private final Path workDir;
  private Process process;

  private RedisServerFixture(int port, Path workDir) {
    this.port = port;
    this.workDir = workDir;
  }

  /**
   * Starts a server on a free port.
   *
   * @return the running server
   * @throws IOException if no binary is found or the server does not answer in time
   */
  public static RedisServerFixture startNew() throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken meanwhile
      RedisServerFixture server =
          new RedisServerFixture(freePort(), Files.createTempDirectory("statewire-redis-test"));
      try {
        server.start();
        return server;
      } catch (IOException e) {
        server.close();
        last = e;
      }
    }
    throw last;
  }

  /** {@return the port the server listens on} */
  public int port() {
    return port;
  }

  /** {@return the server's URI, for {@code RedisStateStore.connect}} */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** {@return whether the server process is running} */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Starts the server (again, after {@link #stop()}) on the same port, with no data.
   *
   * @throws IOException if it does not answer PING within 20 seconds
   */
  public synchronized void start() throws IOException {
    if (isRunning()) {
      return;
    }
    Path redis = binary();
    List<String> command = new ArrayList<>(List.of(redis.toString(),
        "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", workDir.toString()));
    if (majorVersion(redis) >= 7) {
      command.addAll(List.of("--enable-debug-command", "yes")); // DEBUG SLEEP, for pause tests
    }
    File log = workDir.resolve("redis.log").toFile();
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
        .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        stop();
        throw new IOException("redis-server (" + redis + ") did not start on port " + port
            + "; its log: " + Files.readString(log.toPath()));
      }
      sleep(20);
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL after 10 seconds); its data is gone. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    try (var files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  @Override
  public String toString() {
    return "Redis test server on port " + port;
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = new byte[7];
      int n = socket.getInputStream().read(reply);
      return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static synchronized Path binary() throws IOException {
    if (binary == null) {
      binary = onPath();
      if (binary == null) {
        binary = extractEmbedded();
      }
    }
    return binary;
  }

  private static Path onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** The binary embedded-redis keeps in its jar for this OS and architecture, copied out. */
  private static Path extractEmbedded() throws IOException {
    String resource = embeddedResource();
    Path target = Files.createTempFile("redis-server-", "");
    try (InputStream in = RedisServerFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no redis-server on the PATH and no " + resource + " in the "
            + "embedded-redis test dependency; install Redis (apt-get install redis-server)");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    if (!target.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + target + " executable");
    }
    target.toFile().deleteOnExit();
    return target;
  }

  /** The names embedded-redis 1.4.3 gives its binaries. */
  private static String embeddedResource() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    boolean arm = System.getProperty("os.arch").toLowerCase(Locale.ROOT).matches("aarch64|arm64");
    if (os.contains("mac")) {
      return arm ? "/redis-server-6.2.6-v5-darwin-arm64" : "/redis-server-6.2.6-v5-darwin-amd64";
    }
    return arm ? "/redis-server-6.2.7-linux-arm64" : "/redis-server-6.2.6-v5-linux-amd64";
  }

  private static int majorVersion(Path redis) throws IOException {
    Process p = new ProcessBuilder(redis.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher m = VERSION.matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : 6;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for Redis to start", e);
    }
  }
}
