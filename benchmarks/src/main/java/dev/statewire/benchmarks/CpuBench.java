package dev.statewire.benchmarks;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Times the cases of {@link CpuCases} in thread CPU time instead of wall time, for comparisons on
 * a shared machine, where JMH's wall times move with the load (BENCHMARKS.md, "CPU-time
 * driver"). Every comparison warms its cases up together, then times batches of at least {@code
 * batchMillis} of CPU each, the cases alternating batch by batch and the order reversed every
 * other round (ABBA), so that cases compared with each other see the same load.
 *
 * <ul>
 *   <li>{@code java -cp benchmarks.jar dev.statewire.benchmarks.CpuBench CASE...}: each argument
 *       is one comparison: a case, a group ({@code generated}, {@code lock/N}) or cases joined
 *       by commas. Prints each case's best and median batch per op, and for several cases each
 *       one's paired ratio to the last (median and quartiles of the per-round ratios).
 *   <li>{@code ... CpuBench --paired CLASSPATH_A CLASSPATH_B CASE...}: two builds in one JVM,
 *       each classpath (a benchmarks jar, plus this driver compiled against it if the jar
 *       predates it) loaded by its own class loader. Each case (each member of a group) is
 *       timed on A and on B, ABBA; prints both and the ratio B ÷ A. {@code X,Y} times case X on
 *       A and case Y on B (say, Statewire and JavaFX on the same classpath).
 * </ul>
 *
 * <p>System properties: {@code warmup} (s of CPU per case, default 3), {@code batches} (rounds
 * of timed batches, default 30), {@code batchMillis} (the least CPU time of a batch, default 50).
 */
public final class CpuBench {
  private CpuBench() {}

  /**
   * Runs the comparisons named in {@code args}.
   *
   * @param args the comparisons, or {@code --paired A B} and the cases
   * @throws ReflectiveOperationException if a paired classpath has no {@code CpuCases}
   * @throws MalformedURLException if a paired classpath names an impossible path
   */
  public static void main(String[] args)
      throws ReflectiveOperationException, MalformedURLException {
    if (args.length == 0 || args[0].equals("--paired") && args.length < 4) {
      throw new IllegalArgumentException(
          "usage: CpuBench CASE... | CpuBench --paired CLASSPATH_A CLASSPATH_B CASE...");
    }
    if (args[0].equals("--paired")) {
      ClassLoader a = loader(args[1]);
      ClassLoader b = loader(args[2]);
      for (int i = 3; i < args.length; i++) {
        String[] pair = args[i].split(",", 2);
        List<String> cases = pair.length == 2 ? List.of(args[i]) : CpuCases.expand(args[i]);
        for (String name : cases) {
          String[] ab = name.split(",", 2);
          String caseB = ab.length == 2 ? ab[1] : ab[0];
          compare(List.of("A:" + ab[0], "B:" + caseB),
              List.of(timer(a, ab[0]), timer(b, caseB)), 0);
        }
      }
      return;
    }
    for (String arg : args) {
      List<String> names = new ArrayList<>();
      for (String part : arg.split(",")) {
        names.addAll(CpuCases.expand(part));
      }
      List<LongToDoubleFunction> timers = new ArrayList<>();
      for (String name : names) {
        timers.add(CpuCases.timer(name));
      }
      compare(names, timers, names.size() - 1);
    }
  }

  private static ClassLoader loader(String classpath) throws MalformedURLException {
    String[] entries = classpath.split(File.pathSeparator);
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = new File(entries[i]).toURI().toURL();
    }
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  /** The timer of case {@code name} as the classes of {@code loader} implement it. */
  private static LongToDoubleFunction timer(ClassLoader loader, String name)
      throws ReflectiveOperationException {
    Class<?> cases = Class.forName(CpuCases.class.getName(), true, loader);
    return (LongToDoubleFunction) cases.getMethod("timer", String.class).invoke(null, name);
  }

  /**
   * Warms the cases up, times them alternating, prints them and each one's ratio to the case at
   * {@code reference} (none for a single case).
   */
  private static void compare(List<String> names, List<LongToDoubleFunction> timers,
      int reference) {
    int k = timers.size();
    long[] batch = warmUp(timers);
    int rounds = Integer.getInteger("batches", 30);
    double[][] perOp = new double[k][rounds];
    double[][] ratios = new double[k][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int step = 0; step < k; step++) {
        int c = r % 2 == 0 ? step : k - 1 - step;
        perOp[c][r] = timers.get(c).applyAsDouble(batch[c]);
      }
      for (int c = 0; c < k; c++) {
        ratios[c][r] = perOp[c][r] / perOp[reference][r];
      }
    }
    for (int c = 0; c < k; c++) {
      double[] sorted = sorted(perOp[c]);
      System.out.printf("%-32s best %s median %s (batches of %d ops)%n", names.get(c),
          time(sorted[0]), time(sorted[rounds / 2]), batch[c]);
    }
    for (int c = 0; c < k && k > 1; c++) {
      if (c != reference) {
        double[] sorted = sorted(ratios[c]);
        System.out.printf("%s ÷ %s: median %.3f (quartiles %.3f-%.3f), inverse %.3f%n",
            names.get(c), names.get(reference), sorted[rounds / 2], sorted[rounds / 4],
            sorted[3 * rounds / 4], 1 / sorted[rounds / 2]);
      }
    }
  }

  /**
   * Runs the cases in turn, doubling each one's batch until it takes {@code batchMillis} of CPU,
   * until each has spent {@code warmup} seconds of CPU; {@return each case's batch size}
   */
  private static long[] warmUp(List<LongToDoubleFunction> timers) {
    double warmupNanos = Double.parseDouble(System.getProperty("warmup", "3")) * 1e9;
    double batchNanos = Long.getLong("batchMillis", 50) * 1e6;
    int k = timers.size();
    long[] batch = new long[k];
    double[] spent = new double[k];
    Arrays.fill(batch, 1);
    boolean warm = false;
    while (!warm) {
      warm = true;
      for (int c = 0; c < k; c++) {
        if (spent[c] < warmupNanos) {
          double nanos = timers.get(c).applyAsDouble(batch[c]) * batch[c];
          spent[c] += nanos;
          if (nanos < batchNanos) {
            batch[c] *= 2;
          }
          warm = false;
        }
      }
    }
    for (int c = 0; c < k; c++) {
      while (timers.get(c).applyAsDouble(batch[c]) * batch[c] < batchNanos) {
        batch[c] *= 2;
      }
    }
    return batch;
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** CPU nanoseconds per op, in ns below 10 µs, else in µs. */
  private static String time(double nanos) {
    return nanos < 10_000 ? String.format("%.2f ns/op", nanos)
        : String.format("%.2f us/op", nanos / 1000);
  }
}
