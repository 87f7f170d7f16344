package dev.statewire.benchmarks;

import dev.statewire.benchmarks.graph.WorkCounter;
import dev.statewire.benchmarks.peer.Peer;
import dev.statewire.benchmarks.peer.PeerCellx;
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
 * cellx on the JVM peers and on Statewire through the same adapter, with the protocol of
 * {@code CellxBench}: {@code steady}, {@code fresh} and {@code build}, in µs, the single shots
 * 300 warm-up + 300 measured. Forks as in {@code PeerKairoBench}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch", "-Xss16m",
    "-Darez.environment=production", "-Darez.enable_names=false", "-Darez.enable_spies=false",
    "-Darez.enable_registries=false", "-Darez.check_invariants=false",
    "-Darez.check_api_invariants=false"})
public class PeerCellxBench {

  /** The parameters every state shares. */
  @State(Scope.Thread)
  public static class Choice {
    /** The library, by {@code Peer.id()}. */
    @Param({"statewire", "arez", "javafx"})
    public String peer;

    /** cellx layers. */
    @Param({"1000", "2500", "5000"})
    public int layers;

    PeerCellx graph;

    PeerCellx newGraph() {
      return new PeerCellx(Peer.named(peer), layers, WorkCounter.NONE);
    }
  }

  /** One graph for the whole trial. */
  public static class Steady extends Choice {
    /** Builds the graph and runs a few updates. */
    @Setup(Level.Trial)
    public void build() {
      graph = newGraph();
      for (int i = 0; i < 4; i++) {
        graph.update();
      }
    }

    /** Disposes the graph. */
    @TearDown(Level.Trial)
    public void dispose() {
      graph.close();
    }
  }

  /** A new graph before every single-shot iteration. */
  public static class Fresh extends Choice {
    /** Builds the graph the iteration updates once. */
    @Setup(Level.Iteration)
    public void build() {
      graph = newGraph();
    }

    /** Disposes the graph. */
    @TearDown(Level.Iteration)
    public void dispose() {
      graph.close();
    }
  }

  /** Holds the graph each {@code build} iteration made, to dispose it afterwards. */
  public static class Built extends Choice {
    /** Disposes the graph the iteration built. */
    @TearDown(Level.Iteration)
    public void dispose() {
      graph.close();
    }
  }

  /** One update of a long-lived graph. */
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
  public PeerCellx build(Built state) {
    state.graph = state.newGraph();
    return state.graph;
  }
}
