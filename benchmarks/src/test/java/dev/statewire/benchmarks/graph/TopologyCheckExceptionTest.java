package dev.statewire.benchmarks.graph;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TopologyCheckExceptionTest {

  @Test
  void aWrongValueFailsNamingTheCheckAndBothValues() {
    TopologyCheckException e = assertThrows(TopologyCheckException.class,
        () -> TopologyCheckException.checkEquals(6, 7, "avoidablePropagation: c5"));
    assertEquals("check failed: avoidablePropagation: c5: expected 6 but read 7", e.getMessage());
  }

  @Test
  void theRightValuePasses() {
    assertDoesNotThrow(() -> TopologyCheckException.checkEquals(6, 6, "c5"));
    assertDoesNotThrow(() -> TopologyCheckException.check(true, "c5"));
  }

  @Test
  void aFalseConditionFails() {
    TopologyCheckException e = assertThrows(TopologyCheckException.class,
        () -> TopologyCheckException.check(false, "molBench: sum"));
    assertEquals("check failed: molBench: sum", e.getMessage());
  }
}
