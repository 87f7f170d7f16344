package dev.statewire.benchmarks.kairo;

import dev.statewire.benchmarks.graph.WorkCounter;
import java.util.function.Function;

/** The nine kairo cases under their upstream names, as {@code KairoBench} selects them. */
public enum KairoTopology {
  AVOIDABLE_PROPAGATION("avoidablePropagation", AvoidablePropagation::new),
  BROAD_PROPAGATION("broadPropagation", BroadPropagation::new),
  DEEP_PROPAGATION("deepPropagation", DeepPropagation::new),
  DIAMOND("diamond", Diamond::new),
  MUX("mux", Mux::new),
  REPEATED_OBSERVERS("repeatedObservers", RepeatedObservers::new),
  TRIANGLE("triangle", Triangle::new),
  UNSTABLE("unstable", Unstable::new),
  MOL_BENCH("molBench", MolBench::new);

  private final String upstreamName;
  private final Function<WorkCounter, KairoCase> builder;

  KairoTopology(String upstreamName, Function<WorkCounter, KairoCase> builder) {
    this.upstreamName = upstreamName;
    this.builder = builder;
  }

  /** The case's name in milomg/js-reactivity-benchmark and in kairo.mjs. */
  public String upstreamName() {
    return upstreamName;
  }

  /** Builds the case's graph in the current context; its effects run once now. */
  public KairoCase build(WorkCounter counter) {
    return builder.apply(counter);
  }

  /** The case with the given upstream name, e.g. {@code "deepPropagation"}. */
  public static KairoTopology named(String upstreamName) {
    for (KairoTopology topology : values()) {
      if (topology.upstreamName.equals(upstreamName)) {
        return topology;
      }
    }
    throw new IllegalArgumentException(
        "no kairo case named '" + upstreamName + "'; use one of the upstream names, e.g. deepPropagation");
  }
}
