package dev.statewire.benchmarks;

import dev.statewire.ReactiveContext;
import dev.statewire.benchmarks.graph.WorkCounter;
import dev.statewire.benchmarks.kairo.KairoCase;
import dev.statewire.benchmarks.kairo.KairoTopology;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The kairo suite (TOPOLOGIES.md, "kairo suite", "molBench"): each case's graph is built once per trial and
 * warmed with 3 ops; the benchmark is one op, in µs. Every op checks upstream's values and throws
 * if one is wrong. Compare with {@code benchmarks/js/kairo.mjs}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class KairoBench {

  /** The upstream name of the case. */
  @Param({
    "avoidablePropagation", "broadPropagation", "deepPropagation", "diamond", "mux",
    "repeatedObservers", "triangle", "unstable", "molBench"
  })
  public String topology;

  private KairoCase kairoCase;

  /** Builds the case's graph and runs 3 ops, as upstream does before sampling. */
  @Setup(Level.Trial)
  public void build() {
    SpyOption.apply(ReactiveContext.global());
    kairoCase = KairoTopology.named(topology).build(WorkCounter.NONE);
    for (int i = 0; i < 3; i++) {
      kairoCase.op();
    }
  }

  /** One op of the case. */
  @Benchmark
  public void op() {
    kairoCase.op();
  }

  /** Closes the graph's effects. */
  @TearDown(Level.Trial)
  public void dispose() {
    kairoCase.close();
  }
}
