package dev.statewire.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints where the CPU samples of a JFR recording fall ({@code benchmarks/profile.sh} calls it on
 * the recording of each case): the top-of-stack methods and lines, and the Statewire methods
 * anywhere on the stack (inclusive, but for those on nearly every sample), each as a share of the execution samples. Works the same on
 * JDK 17, whose {@code jfr} tool has no {@code view} command, and on later JDKs. Only samples of
 * JMH's worker threads are counted when the recording has any, so the JMH harness's own threads
 * do not dilute the benchmark.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statewire.benchmarks.JfrSummary FILE.jfr [TOP]}
 * (TOP rows per list, default 15).
 */
public final class JfrSummary {
  private static final String WORKER = "jmh-worker";

  private JfrSummary() {}

  /**
   * Summarises the recording named by the first argument.
   *
   * @param args the recording, then optionally the number of rows per list
   * @throws IOException if the recording cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: JfrSummary FILE.jfr [TOP]");
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<RecordedStackTrace> all = new ArrayList<>();
    List<RecordedStackTrace> workers = new ArrayList<>();
    Set<String> workerNames = new HashSet<>();
    try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getStackTrace() == null) {
          continue;
        }
        all.add(event.getStackTrace());
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null ? null : thread.getJavaName();
        if (name != null && name.contains(WORKER)) {
          workers.add(event.getStackTrace());
          workerNames.add(name);
        }
      }
    }
    List<RecordedStackTrace> samples = workers.isEmpty() ? all : workers;
    System.out.printf("%d execution samples%s%n", samples.size(), workers.isEmpty()
        ? " (all threads)" : " on " + workerNames.size() + " JMH worker thread(s)");
    if (samples.isEmpty()) {
      return;
    }
    Map<String, Integer> selfMethods = new HashMap<>();
    Map<String, Integer> selfLines = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    for (RecordedStackTrace stack : samples) {
      List<RecordedFrame> frames = stack.getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      RecordedFrame leaf = frames.get(0);
      selfMethods.merge(method(leaf), 1, Integer::sum);
      selfLines.merge(method(leaf) + ":" + leaf.getLineNumber(), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String type = frame.getMethod().getType().getName();
        if (type.startsWith("dev.statewire.") && !type.contains("_jmhType")
            && !type.contains("_jmhTest") && seen.add(method(frame))) {
          inclusive.merge(method(frame), 1, Integer::sum);
        }
      }
    }
    print("top of stack, by method", selfMethods, samples.size(), top);
    print("top of stack, by line", selfLines, samples.size(), top);
    // frames on (nearly) every sample, such as the benchmark method, say nothing
    inclusive.values().removeIf(count -> count >= 0.99 * samples.size());
    print("inclusive, Statewire methods anywhere on the stack (those on ≥ 99% left out)",
        inclusive, samples.size(), top);
  }

  /**
   * {@code SimpleClass.method}: the class without its package, and a lambda's hidden class
   * without its number and address ({@code Outer$$Lambda$57+0x…/…} on JDK 17, {@code
   * Outer$$Lambda/0x…} later, are {@code Outer$$Lambda}).
   */
  private static String method(RecordedFrame frame) {
    String named = frame.getMethod().getType().getName().replaceFirst("\\$\\$Lambda.*$", "\\$\\$Lambda");
    return named.substring(named.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples,
            e.getKey()));
  }
}
