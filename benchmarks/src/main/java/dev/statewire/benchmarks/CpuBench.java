package dev.statewire.benchmarks;

import dev.statewire.benchmarks.cellx.CellxGraph;
import dev.statewire.benchmarks.graph.WorkCounter;
import dev.statewire.benchmarks.kairo.KairoCase;
import dev.statewire.benchmarks.kairo.KairoTopology;
import dev.statewire.benchmarks.peer.Peer;
import dev.statewire.benchmarks.peer.PeerCellx;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * Times cases in the CPU time of the running thread instead of wall time, for comparisons on a
 * shared machine, where JMH's wall times move with the load (BENCHMARKS.md says when it was
 * used). A case is {@code kairo/NAME} (a kairo topology by its upstream name), {@code
 * cellxL/steady} or {@code cellxL/build} (L layers), or {@code PEER/cellxL/steady} for a JVM
 * peer ({@code statewire}, {@code arez}, {@code javafx}).
 *
 * <ul>
 *   <li>{@code java -cp benchmarks.jar dev.statewire.benchmarks.CpuBench CASE...} prints, for
 *       each case, the µs of CPU per op: the best and the median of the timed batches.
 *   <li>{@code ... CpuBench --paired CLASSPATH_A CLASSPATH_B CASE...} compares two builds in
 *       one JVM: each classpath (a benchmarks jar, plus this class if the jar predates it) is
 *       loaded by its own class loader, and timed batches of A and B alternate (ABBA), so that
 *       both see the same load. It prints both medians and the median of the paired ratios
 *       B ÷ A. A case {@code X,Y} times case X on A and case Y on B (say, Statewire and
 *       JavaFX on the same classpath).
 * </ul>
 *
 * <p>System properties: {@code warmup} (s of CPU, default 3), {@code batches} (default 30),
 * {@code batchMillis} (the least CPU time of a batch, default 50).
 */
public final class CpuBench {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private CpuBench() {}

  /**
   * Times each case named in {@code args}, or compares two classpaths ({@code --paired}).
   *
   * @param args the cases, or {@code --paired A B} and the cases
   * @throws ReflectiveOperationException if a paired classpath has no {@code CpuBench}
   * @throws MalformedURLException if a paired classpath names an impossible path
   */
  public static void main(String[] args)
      throws ReflectiveOperationException, MalformedURLException {
    if (args.length >= 3 && args[0].equals("--paired")) {
      for (int i = 3; i < args.length; i++) {
        String[] cases = args[i].split(",", 2);
        String caseB = cases.length == 2 ? cases[1] : cases[0];
        paired(args[i], load(args[1], cases[0]), load(args[2], caseB));
      }
      return;
    }
    for (String name : args) {
      report(name, op(name));
    }
  }

  /** The op of case {@code name} as the classes on {@code classpath} implement it. */
  private static Runnable load(String classpath, String name)
      throws ReflectiveOperationException, MalformedURLException {
    String[] entries = classpath.split(File.pathSeparator);
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = new File(entries[i]).toURI().toURL();
    }
    ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    Class<?> bench = Class.forName(CpuBench.class.getName(), true, loader);
    return (Runnable) bench.getMethod("op", String.class).invoke(null, name);
  }

  /**
   * {@return the op of case {@code name}, its graph built}
   *
   * @param name the case
   */
  public static Runnable op(String name) {
    String[] parts = name.split("/");
    if (parts.length == 2 && parts[0].equals("kairo")) {
      KairoCase c = KairoTopology.named(parts[1]).build(WorkCounter.NONE);
      return c::op;
    }
    if (parts.length == 2 && parts[0].startsWith("cellx")) {
      int layers = Integer.parseInt(parts[0].substring("cellx".length()));
      if (parts[1].equals("steady")) {
        CellxGraph graph = new CellxGraph(layers, WorkCounter.NONE);
        return graph::update;
      }
      if (parts[1].equals("build")) {
        return () -> new CellxGraph(layers, WorkCounter.NONE).close();
      }
    }
    if (parts.length == 3 && parts[1].startsWith("cellx") && parts[2].equals("steady")) {
      int layers = Integer.parseInt(parts[1].substring("cellx".length()));
      PeerCellx graph = new PeerCellx(Peer.named(parts[0]), layers, WorkCounter.NONE);
      return graph::update;
    }
    throw new IllegalArgumentException("no case named " + name
        + "; use kairo/NAME, cellxL/steady, cellxL/build or PEER/cellxL/steady");
  }

  private static void report(String name, Runnable op) {
    long warmupEnd = MX.getCurrentThreadCpuTime() + Long.getLong("warmup", 3) * 1_000_000_000L;
    while (MX.getCurrentThreadCpuTime() < warmupEnd) {
      op.run();
    }
    int batch = batchSize(op);
    double[] micros = new double[Integer.getInteger("batches", 30)];
    for (int b = 0; b < micros.length; b++) {
      micros[b] = time(op, batch);
    }
    Arrays.sort(micros);
    System.out.printf("%s best %.2f median %.2f us/op%n", name, micros[0],
        micros[micros.length / 2]);
  }

  private static void paired(String name, Runnable a, Runnable b) {
    long warmupEnd = MX.getCurrentThreadCpuTime() + Long.getLong("warmup", 3) * 1_000_000_000L;
    while (MX.getCurrentThreadCpuTime() < warmupEnd) {
      a.run();
      b.run();
    }
    int batch = batchSize(a);
    int n = Integer.getInteger("batches", 30);
    double[] timesA = new double[n];
    double[] timesB = new double[n];
    double[] ratios = new double[n];
    for (int k = 0; k < n; k++) {
      if (k % 2 == 0) {
        timesA[k] = time(a, batch);
        timesB[k] = time(b, batch);
      } else {
        timesB[k] = time(b, batch);
        timesA[k] = time(a, batch);
      }
      ratios[k] = timesB[k] / timesA[k];
    }
    Arrays.sort(timesA);
    Arrays.sort(timesB);
    Arrays.sort(ratios);
    System.out.printf("%s A median %.2f best %.2f  B median %.2f best %.2f us/op  B/A median %.3f"
        + " (quartiles %.3f-%.3f)%n", name, timesA[n / 2], timesA[0], timesB[n / 2], timesB[0],
        ratios[n / 2], ratios[n / 4], ratios[3 * n / 4]);
  }

  /** The number of ops that take at least {@code batchMillis} of CPU. */
  private static int batchSize(Runnable op) {
    long batchNanos = Long.getLong("batchMillis", 50) * 1_000_000L;
    int batch = 1;
    while (time(op, batch) * 1000.0 * batch < batchNanos) {
      batch *= 2;
    }
    return batch;
  }

  /** µs of CPU per op over {@code batch} ops. */
  private static double time(Runnable op, int batch) {
    long t0 = MX.getCurrentThreadCpuTime();
    for (int i = 0; i < batch; i++) {
      op.run();
    }
    return (MX.getCurrentThreadCpuTime() - t0) / 1000.0 / batch;
  }
}
