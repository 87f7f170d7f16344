package dev.statewire.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CpuCases}: every documented case runs its ops; the groups end with their reference. */
class CpuCasesTest {
  @Test
  void groupsExpandToTheirMembersWithTheReferenceLast() {
    assertEquals(List.of("generated/generated", "generated/handWritten", "generated/plainJava",
        "generated/lockedJava"), CpuCases.expand("generated"));
    assertEquals(List.of("lock/4/default", "lock/4/off", "lock/4/reentrantLock"),
        CpuCases.expand("lock/4"));
    assertEquals(List.of("kairo/diamond"), CpuCases.expand("kairo/diamond"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kairo/diamond", "cellx1000/steady", "cellx1000/build",
      "javafx/cellx1000/steady", "generated/generated", "generated/handWritten",
      "generated/plainJava", "generated/lockedJava", "lock/1/default", "lock/3/off",
      "lock/2/reentrantLock"})
  void everyCaseTimesItsOps(String name) {
    LongToDoubleFunction timer = CpuCases.timer(name);
    double nanosPerOp = timer.applyAsDouble(6);
    assertTrue(nanosPerOp >= 0 && Double.isFinite(nanosPerOp), name + ": " + nanosPerOp);
  }

  @Test
  void anUnknownCaseNamesTheFormsThatExist() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CpuCases.timer("lock/4/fast"));
    assertTrue(e.getMessage().contains("no case named lock/4/fast"), e.getMessage());
    assertTrue(e.getMessage().contains("lock/THREADS[/default|off|reentrantLock]"), e.getMessage());
  }
}
