package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CounterWorker} in a JVM of its own: the {@code java} of this JVM with this JVM's class
 * path. Its standard output is read line by line for {@link #awaitLine}; its standard error
 * goes to the test's. {@link #close()} kills it if it is still running.
 */
final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  /** The lines {@link #awaitLine} took, for failure messages; only the test's thread uses it. */
  private final List<String> seen = new ArrayList<>();
  private final Writer stdin;

  private WorkerProcess(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "worker-" + process.pid() + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code CounterWorker uri key leaseMillis command...}. */
  static WorkerProcess start(String uri, String key, Duration lease, String... command)
      throws IOException {
    List<String> line = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        CounterWorker.class.getName(), uri, key, Long.toString(lease.toMillis())));
    line.addAll(List.of(command));
    return new WorkerProcess(new ProcessBuilder(line)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start());
  }

  long pid() {
    return process.pid();
  }

  /**
   * Waits for the next line that starts with {@code prefix} and returns it; earlier lines are
   * kept for failure messages.
   */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        return fail("worker " + pid() + " printed no line starting with '" + prefix + "' in "
            + timeout + (process.isAlive() ? "" : "; it exited with " + process.exitValue())
            + "; it printed " + seen);
      }
      seen.add(line);
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Sends one line to the worker's standard input. */
  void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /** {@code kill -STOP}: the whole JVM stops, its lease watchdog with it. */
  void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** {@code kill -CONT}: the JVM goes on where it stopped. */
  void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  /** {@code kill -9}: the JVM dies at once, in the middle of whatever it was doing. */
  void killHard(Duration timeout) throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("worker " + pid() + " still runs " + timeout + " after kill -9");
    }
  }

  /** Waits for the worker to exit and returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("worker " + pid() + " did not exit in " + timeout + "; it printed " + seen);
    }
    return process.exitValue();
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      fail("kill " + signal + " " + pid() + " exited with " + kill.exitValue());
    }
  }

  private void readOutput() {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    } catch (IOException ended) {
      // the process died; awaitLine reports what it printed and how it exited
    }
  }

  /** Kills the worker if it still runs ({@code kill -9} ends a paused JVM too). */
  @Override
  public void close() throws IOException, InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
