package dev.statewire.benchmarks.dynamic;

/**
 * The six dynamic-graph configurations of TOPOLOGIES.md, "dynamic graphs" (from reactively), with the sum
 * and the number of computed evaluations that every warmed run must produce.
 */
public enum DynamicConfig {
  LAZY_10X5("2-10x5 - lazy80%", 10, 5, 1, 2, 0.2, 600_000, 19199968d, 3_480_000),
  DYNAMIC_LAZY_10X10("6-10x10 - dyn25% - lazy80%", 10, 10, 0.75, 6, 0.2, 15_000, 302310782860d,
      1_155_000),
  DYNAMIC_1000X12("4-1000x12 - dyn5%", 1000, 12, 0.95, 4, 1, 7000, 29355933696000d, 1_463_000),
  WIDE_1000X5("25-1000x5", 1000, 5, 1, 25, 1, 3000, 1171484375000d, 732_000),
  DEEP_5X500("3-5x500", 5, 500, 1, 3, 1, 500, 3.0239642676898464e241, 1_246_500),
  DYNAMIC_100X15("6-100x15 - dyn50%", 100, 15, 0.5, 6, 1, 2000, 15664996402790400d, 1_078_000);

  final String title;
  final int width;
  final int layers;
  final double staticFraction;
  final int sources;
  final double readFraction;
  final int iterations;
  final double expectedSum;
  final long expectedCount;

  DynamicConfig(String title, int width, int layers, double staticFraction, int sources,
      double readFraction, int iterations, double expectedSum, long expectedCount) {
    this.title = title;
    this.width = width;
    this.layers = layers;
    this.staticFraction = staticFraction;
    this.sources = sources;
    this.readFraction = readFraction;
    this.iterations = iterations;
    this.expectedSum = expectedSum;
    this.expectedCount = expectedCount;
  }

  /** Upstream's title of the configuration, e.g. {@code "25-1000x5"}. */
  public String title() {
    return title;
  }

  /** The sum of the read leaves after a run. */
  public double expectedSum() {
    return expectedSum;
  }

  /** Computed evaluations in one run of a warmed graph. */
  public long expectedCount() {
    return expectedCount;
  }
}
