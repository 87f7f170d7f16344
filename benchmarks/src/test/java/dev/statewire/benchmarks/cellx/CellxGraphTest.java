package dev.statewire.benchmarks.cellx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.benchmarks.graph.CountingWorkCounter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * cellx end values from the table of TOPOLOGIES.md, "cellx" in both directions, and the work: every
 * node changes on every update, so building and each update cost exactly 4L computed evaluations
 * and 4L effect runs.
 */
class CellxGraphTest {

  @ParameterizedTest(name = "{0} layers")
  @CsvSource(delimiter = '|', textBlock = """
      1000 | -3, -6, -2, 2 | -2, -4, 2, 3
      2500 | -3, -6, -2, 2 | -2, -4, 2, 3
      5000 | 2, 4, -1, -6  | -2, 1, -4, -4
      """)
  void updatesReachTheSpecifiedEndsEvaluatingEveryNodeOnce(
      int layers, String forwardEnds, String reversedEnds) {
    int[] forward = ints(forwardEnds);
    int[] reversed = ints(reversedEnds);
    CountingWorkCounter counter = new CountingWorkCounter();
    try (CellxGraph graph = new CellxGraph(layers, counter)) {
      assertWork(4L * layers, counter, "build");
      assertArrayEquals(forward, graph.ends(), "ends after build");
      assertArrayEquals(forward, CellxStart.FORWARD.expectedEnds(layers));
      assertArrayEquals(reversed, CellxStart.REVERSED.expectedEnds(layers));

      for (int update = 1; update <= 4; update++) {
        counter.reset();
        graph.update();
        CellxStart now = graph.current();
        assertEquals(update % 2 == 1 ? CellxStart.REVERSED : CellxStart.FORWARD, now);
        assertArrayEquals(now == CellxStart.REVERSED ? reversed : forward, graph.ends(),
            "ends after update " + update);
        assertWork(4L * layers, counter, "update " + update);
      }
    }
  }

  private static void assertWork(long expected, CountingWorkCounter counter, String when) {
    assertEquals(expected, counter.computeds(), "computed evaluations in " + when);
    assertEquals(expected, counter.effects(), "effect runs in " + when);
  }

  private static int[] ints(String commaSeparated) {
    String[] parts = commaSeparated.split(",");
    int[] values = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Integer.parseInt(parts[i].trim());
    }
    return values;
  }
}
