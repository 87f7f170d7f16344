package dev.statewire.benchmarks;

import dev.statewire.Computed;
import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the same signals many times in one computation (issue 14.16): {@code sort} sorts
 * {@code size} signals by value inside a computed (each read about log n times, in no order),
 * {@code twice} sums them twice; {@code untrackedSort} is the same sort without tracking, the
 * floor. Each op changes one signal and re-evaluates. ms per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class RepeatedReadBench {

  /** How many signals. */
  @Param({"5000"})
  public int size;

  private ReactiveContext context;
  private List<Signal<Integer>> signals;
  private Computed<Integer> sorted;
  private Computed<Long> twice;
  private int step;

  /** Creates the signals and the computeds. */
  @Setup
  public void build() {
    context = ReactiveContext.create();
    signals = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      signals.add(context.signal((int) ((i * 7919L) % size)));
    }
    sorted = context.computed(() -> sort(signals));
    twice = context.computed(() -> {
      long total = 0;
      for (int pass = 0; pass < 2; pass++) {
        for (Signal<Integer> s : signals) {
          total += s.get();
        }
      }
      return total;
    });
  }

  private static int sort(List<Signal<Integer>> signals) {
    List<Signal<Integer>> copy = new ArrayList<>(signals);
    copy.sort(Comparator.comparing(Signal::get));
    return copy.get(0).get();
  }

  /** Sorts inside a computed, tracked. */
  @Benchmark
  public int sort() {
    signals.get(step++ % size).update(v -> v ^ 1);
    return sorted.get();
  }

  /** Sums every signal twice inside a computed. */
  @Benchmark
  public long twice() {
    signals.get(step++ % size).update(v -> v ^ 1);
    return twice.get();
  }

  /** The same sort untracked. */
  @Benchmark
  public int untrackedSort() {
    signals.get(step++ % size).update(v -> v ^ 1);
    return context.untracked(() -> sort(signals));
  }
}
