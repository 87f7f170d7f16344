package dev.statewire.benchmarks.kairo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.benchmarks.graph.CountingWorkCounter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs every kairo case as KairoBench does (build, 3 ops) and then checks, op by op, the values
 * upstream asserts (each op throws when one is wrong) and the exact work of TOPOLOGIES.md, "kairo suite":
 * computed evaluations and effect runs per op, counted inside the user functions. A runtime
 * that evaluates more than a minimal push-pull graph fails here.
 */
class KairoTopologyTest {
  private static final String SPEC_TABLE = """
      avoidablePropagation, 2002,    0
      broadPropagation,     5100, 2550
      deepPropagation,      2550,   51
      diamond,              3006,  501
      mux,                  1836,   18
      repeatedObservers,     101,  101
      triangle,             1010,  101
      unstable,              202,  101
      molBench,                9,    4
      """;

  @ParameterizedTest(name = "{0}: {1} computed evaluations and {2} effect runs per op")
  @CsvSource(textBlock = SPEC_TABLE)
  void everyOpReadsUpstreamsValuesWithExactlyTheSpecifiedWork(
      String name, long evaluationsPerOp, long effectRunsPerOp) {
    CountingWorkCounter counter = new CountingWorkCounter();
    try (KairoCase kairoCase = KairoTopology.named(name).build(counter)) {
      for (int i = 0; i < 3; i++) {
        kairoCase.op();
      }
      for (int op = 1; op <= 3; op++) {
        counter.reset();
        kairoCase.op();
        assertEquals(evaluationsPerOp, counter.computeds(),
            name + ": computed evaluations in op " + op);
        assertEquals(effectRunsPerOp, counter.effects(), name + ": effect runs in op " + op);
      }
    }
  }

  @Test
  void theSpecTableCoversEveryCase() {
    Set<String> inTable = SPEC_TABLE.lines()
        .map(line -> line.split(",")[0].trim())
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toSet());
    Set<String> cases = Arrays.stream(KairoTopology.values())
        .map(KairoTopology::upstreamName)
        .collect(Collectors.toSet());
    assertEquals(cases, inTable);
  }

  @Test
  void anUnknownCaseNameIsRejectedWithTheValidNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KairoTopology.named("deep"));
    assertEquals(
        "no kairo case named 'deep'; use one of the upstream names, e.g. deepPropagation",
        e.getMessage());
  }
}
