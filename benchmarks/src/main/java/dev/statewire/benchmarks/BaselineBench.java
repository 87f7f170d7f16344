package dev.statewire.benchmarks;

import dev.statewire.benchmarks.baseline.CellsBaseline;
import dev.statewire.benchmarks.baseline.CellxBaseline;
import dev.statewire.benchmarks.baseline.FlatBaseline;
import dev.statewire.benchmarks.baseline.LayersBaseline;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hand-written cellx programs without a reactive runtime (TOPOLOGIES.md, "Hand-written baselines"), run beside
 * {@code CellxBench.steady} so the "× hand-written" ratios come from one run: {@code layers} (plain
 * objects recomputing exactly what changed), {@code cells} (generic cells, no tracking) and
 * {@code flat} (one int array, the floor). µs per update.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class BaselineBench {

  /** Which hand-written program. */
  @Param({"layers", "cells", "flat"})
  public String variant;

  /** cellx layers. */
  @Param({"1000"})
  public int layers;

  private CellxBaseline baseline;

  /** Builds the program. */
  @Setup(Level.Trial)
  public void build() {
    switch (variant) {
      case "layers":
        baseline = new LayersBaseline(layers);
        break;
      case "cells":
        baseline = new CellsBaseline(layers);
        break;
      case "flat":
        baseline = new FlatBaseline(layers);
        break;
      default:
        throw new IllegalArgumentException(
            "unknown baseline variant '" + variant + "'; use layers, cells or flat");
    }
  }

  /** One update; returns the effects' sum so that no work is dead code. */
  @Benchmark
  public long update() {
    baseline.update();
    return baseline.sink();
  }
}
