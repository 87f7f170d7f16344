package dev.statewire.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written cellx programs check the end values of TOPOLOGIES.md, "cellx" before and after
 * every update (they throw otherwise); here all three also agree on what their effects saw.
 */
class CellxBaselineTest {

  @ParameterizedTest(name = "{0} layers")
  @ValueSource(ints = {1000, 2500, 5000})
  void allThreeProgramsReachTheSpecifiedEndsAndRunTheSameEffects(int layers) {
    CellxBaseline[] programs = {
      new LayersBaseline(layers), new CellsBaseline(layers), new FlatBaseline(layers)
    };
    for (int update = 0; update < 4; update++) {
      for (CellxBaseline program : programs) {
        program.update();
      }
    }
    assertEquals(programs[0].sink(), programs[1].sink(), "layers and cells");
    assertEquals(programs[0].sink(), programs[2].sink(), "layers and flat");
  }
}
