package dev.statewire.benchmarks;

import dev.statewire.ReactiveContext;
import dev.statewire.benchmarks.cellx.CellxGraph;
import dev.statewire.benchmarks.graph.WorkCounter;
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
 * cellx with 1000, 2500 and 5000 layers (TOPOLOGIES.md, "cellx"), in µs:
 * {@code steady} (the headline) updates one graph, alternating the start values;
 * {@code fresh} times the first update of a newly built graph (upstream's method; take the
 * median of the raw single-shot scores); {@code build} times building a graph, including the
 * first run of its 4L effects. The single shots take 300 warm-up and 300 measured iterations, as
 * {@code benchmarks/js/cellx.mjs} takes 300 + 300 graphs. Compare with that script.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
public class CellxBench {

  /** One graph for the whole trial. */
  @State(Scope.Thread)
  public static class Steady {
    @Param({"1000", "2500", "5000"})
    public int layers;

    CellxGraph graph;

    /** Builds the graph and runs a few updates. */
    @Setup(Level.Trial)
    public void build() {
      SpyOption.apply(ReactiveContext.global());
      graph = new CellxGraph(layers, WorkCounter.NONE);
      for (int i = 0; i < 4; i++) {
        graph.update();
      }
    }

    /** Closes the graph's effects. */
    @TearDown(Level.Trial)
    public void dispose() {
      graph.close();
    }
  }

  /** A new graph before every single-shot iteration. */
  @State(Scope.Thread)
  public static class Fresh {
    @Param({"1000", "2500", "5000"})
    public int layers;

    CellxGraph graph;

    /** Builds the graph the iteration updates once. */
    @Setup(Level.Iteration)
    public void build() {
      graph = new CellxGraph(layers, WorkCounter.NONE);
    }

    /** Closes the graph's effects. */
    @TearDown(Level.Iteration)
    public void dispose() {
      graph.close();
    }
  }

  /** Holds the graph each {@code build} iteration made, to close it afterwards. */
  @State(Scope.Thread)
  public static class Built {
    @Param({"1000", "2500", "5000"})
    public int layers;

    CellxGraph graph;

    /** Closes the graph the iteration built. */
    @TearDown(Level.Iteration)
    public void dispose() {
      graph.close();
    }
  }

  /** One update of a long-lived graph: the headline metric. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  public void steady(Steady state) {
    state.graph.update();
  }

  /** The first update of a newly built graph. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 300)
  @Measurement(iterations = 300)
  public void fresh(Fresh state) {
    state.graph.update();
  }

  /** Building the graph: 4L computeds and 4L effects, each effect run once. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 300)
  @Measurement(iterations = 300)
  public CellxGraph build(Built state) {
    state.graph = new CellxGraph(state.layers, WorkCounter.NONE);
    return state.graph;
  }
}
