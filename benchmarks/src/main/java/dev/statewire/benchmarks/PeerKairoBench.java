package dev.statewire.benchmarks;

import dev.statewire.benchmarks.graph.WorkCounter;
import dev.statewire.benchmarks.kairo.KairoCase;
import dev.statewire.benchmarks.peer.Peer;
import dev.statewire.benchmarks.peer.PeerKairoTopology;
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
 * The kairo suite on the JVM peers (Arez, JavaFX bindings with a deferred flush) and on Statewire
 * through the same adapter, with the protocol of {@code KairoBench}: the graph built once per
 * trial, 3 ops, then one op per invocation, in µs. Peer forks get a 16 MB thread stack (Arez and
 * JavaFX recurse once per node of a chain) and Arez's production configuration, stated here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch", "-Xss16m",
    "-Darez.environment=production", "-Darez.enable_names=false", "-Darez.enable_spies=false",
    "-Darez.enable_registries=false", "-Darez.check_invariants=false",
    "-Darez.check_api_invariants=false"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class PeerKairoBench {

  /** The library, by {@code Peer.id()}. */
  @Param({"statewire", "arez", "javafx"})
  public String peer;

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
    kairoCase = PeerKairoTopology.named(topology).build(Peer.named(peer), WorkCounter.NONE);
    for (int i = 0; i < 3; i++) {
      kairoCase.op();
    }
  }

  /** One op of the case. */
  @Benchmark
  public void op() {
    kairoCase.op();
  }

  /** Disposes the graph. */
  @TearDown(Level.Trial)
  public void dispose() {
    kairoCase.close();
  }
}
