package dev.statewire.benchmarks;

import dev.statewire.benchmarks.dynamic.DynamicConfig;
import dev.statewire.benchmarks.dynamic.DynamicGraph;
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
 * The dynamic graphs of TOPOLOGIES.md, "dynamic graphs": one graph per configuration (index 0..5 of
 * {@link DynamicConfig}), built once with 3 warm-up runs; the benchmark is one full run, in ms,
 * and checks the expected sum and evaluation count. Compare with {@code benchmarks/js/dynamic.mjs}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class DynamicBench {

  /** Index of the configuration in {@link DynamicConfig}. */
  @Param({"0", "1", "2", "3", "4", "5"})
  public int config;

  private DynamicGraph graph;

  /** Builds the graph and runs it 3 times. */
  @Setup(Level.Trial)
  public void build() {
    graph = new DynamicGraph(DynamicConfig.values()[config]);
    for (int i = 0; i < 3; i++) {
      graph.run();
    }
  }

  /** One run of the configuration. */
  @Benchmark
  public double run() {
    return graph.run();
  }

  /** Closes the graph's effect. */
  @TearDown(Level.Trial)
  public void dispose() {
    graph.close();
  }
}
