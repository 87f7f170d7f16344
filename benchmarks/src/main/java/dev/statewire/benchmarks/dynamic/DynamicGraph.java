package dev.statewire.benchmarks.dynamic;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;

import dev.statewire.Computed;
import dev.statewire.ReadableSignal;
import dev.statewire.Signal;
import dev.statewire.benchmarks.graph.GraphScope;
import java.util.ArrayList;
import java.util.List;

/**
 * A rectangular graph of the dynamic suite (TOPOLOGIES.md, "dynamic graphs"): a row of {@code width} signals,
 * then {@code layers - 1} rows of computeds, each reading {@code sources} nodes of the row above;
 * some computeds are dynamic and drop one of their sources depending on the first one's value.
 * One effect reads the leaves chosen for reading. Values are doubles, as in JavaScript.
 */
public final class DynamicGraph implements AutoCloseable {
  private final DynamicConfig config;
  private final GraphScope scope = new GraphScope();
  private final List<Signal<Double>> sources = new ArrayList<>();
  private final List<ReadableSignal<Double>> readLeaves;
  private final String sumCheck;
  private final String countCheck;
  private long count;
  private int runs;

  /** Builds the graph in the current context; its effect reads the read leaves once now. */
  public DynamicGraph(DynamicConfig config) {
    this.config = config;
    this.sumCheck = "dynamic " + config.title + ": sum of the read leaves";
    this.countCheck = "dynamic " + config.title + ": computed evaluations per run";
    for (int i = 0; i < config.width; i++) {
      sources.add(Signal.of((double) i));
    }
    PseudoRandom random = new PseudoRandom("seed");
    List<? extends ReadableSignal<Double>> row = sources;
    for (int r = 1; r < config.layers; r++) {
      row = nextRow(row, random);
    }
    readLeaves = new ArrayList<>(row);
    PseudoRandom removal = new PseudoRandom("seed");
    long toRemove = Math.round(config.width * (1 - config.readFraction));
    for (long i = 0; i < toRemove; i++) {
      readLeaves.remove((int) Math.floor(removal.next() * readLeaves.size()));
    }
    scope.effect(() -> {
      for (ReadableSignal<Double> leaf : readLeaves) {
        leaf.get();
      }
    });
  }

  private List<Computed<Double>> nextRow(List<? extends ReadableSignal<Double>> above,
      PseudoRandom random) {
    List<Computed<Double>> row = new ArrayList<>();
    for (int me = 0; me < above.size(); me++) {
      List<ReadableSignal<Double>> reads = new ArrayList<>();
      for (int k = 0; k < config.sources; k++) {
        reads.add(above.get((me + k) % above.size()));
      }
      row.add(random.next() < config.staticFraction ? staticNode(reads) : dynamicNode(reads));
    }
    return row;
  }

  /** Sums all its sources, in order. */
  private Computed<Double> staticNode(List<ReadableSignal<Double>> reads) {
    return Computed.of(() -> {
      count++;
      double sum = 0;
      for (ReadableSignal<Double> read : reads) {
        sum += read.get();
      }
      return sum;
    });
  }

  /** Sums its first source and the others, skipping one of them when the first is odd. */
  private Computed<Double> dynamicNode(List<ReadableSignal<Double>> reads) {
    ReadableSignal<Double> first = reads.get(0);
    List<ReadableSignal<Double>> tail = reads.subList(1, reads.size());
    return Computed.of(() -> {
      count++;
      double sum = first.get();
      boolean shouldDrop = (((long) sum) & 1) != 0;
      double dropIndex = sum % tail.size();
      for (int i = 0; i < tail.size(); i++) {
        if (shouldDrop && i == dropIndex) {
          continue;
        }
        sum += tail.get(i).get();
      }
      return sum;
    });
  }

  /**
   * One run: {@code iterations} writes, each its own batch and followed by reading every read
   * leaf; returns the sum of the read leaves. Checks the sum, and from the second run on (once
   * the dynamic dependencies are in their steady state) the number of computed evaluations.
   */
  public double run() {
    count = 0;
    int width = sources.size();
    for (int i = 0; i < config.iterations; i++) {
      int index = i % width;
      sources.get(index).set((double) (i + index));
      for (ReadableSignal<Double> leaf : readLeaves) {
        leaf.get();
      }
    }
    double total = 0;
    for (ReadableSignal<Double> leaf : readLeaves) {
      total = leaf.get() + total;
    }
    runs++;
    checkEquals(config.expectedSum, total, sumCheck);
    if (runs > 1) {
      checkEquals(config.expectedCount, count, countCheck);
    }
    return total;
  }

  /** Computed evaluations in the last run. */
  public long lastCount() {
    return count;
  }

  /** Closes the graph's effect. */
  @Override
  public void close() {
    scope.close();
  }
}
