package dev.statewire.benchmarks.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every dynamic configuration reaches upstream's sum, and a warmed run evaluates exactly the
 * number of computeds of TOPOLOGIES.md, "dynamic graphs" (what alien-signals and Preact evaluate).
 */
class DynamicGraphTest {

  @ParameterizedTest
  @EnumSource(DynamicConfig.class)
  void aWarmedRunReachesTheSpecifiedSumWithTheSpecifiedEvaluations(DynamicConfig config) {
    try (DynamicGraph graph = new DynamicGraph(config)) {
      assertEquals(config.expectedSum(), graph.run(), "first run");
      assertEquals(config.expectedSum(), graph.run(), "second run");
      assertEquals(config.expectedCount(), graph.lastCount(), "evaluations in the second run");
    }
  }
}
