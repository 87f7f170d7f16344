package dev.statewire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every example and checks what it prints. */
class ExamplesTest {
  @FunctionalInterface
  private interface Main {
    void run() throws Exception;
  }

  private static List<String> output(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theDemoCountsToTheLimitPrintingEachCommit() throws Exception {
    List<String> lines = output(() -> BackgroundCounterDemo.main(new String[0]));
    List<String> counts = lines.stream().filter(l -> l.startsWith("counter ")).toList();
    assertEquals("counter 0 / 10  (stopped)", counts.get(0));
    assertEquals("counter 0 / 10  (running)", counts.get(1));
    for (int i = 1; i <= 10; i++) {
      assertEquals("counter " + i + " / 10  (running)", counts.get(i + 1));
    }
    assertEquals("counter 10 / 10  (stopped)", counts.get(12));
    assertEquals(13, counts.size());
  }

  @Test
  void theSignalsDemoPrintsTheCart() throws Exception {
    List<String> lines = output(() -> SignalsDemo.main(new String[0]));
    assertEquals("1 x 12 EUR, discount 0% -> total 12 EUR", lines.get(0));
    assertEquals("4 x 10 EUR, discount 20% -> total 32 EUR", lines.get(lines.size() - 1));
  }

  @Test
  void thePoliciesExampleKeepsOnlyTheLastSearchOneRefreshAndEveryLogLine() throws Exception {
    List<String> lines = output(() -> BackgroundPoliciesExample.main(new String[0]));
    assertTrue(lines.contains("results: 'sta' | refreshes: 1 | logged: 3"), lines::toString);
    assertEquals(2, lines.stream().filter(l -> l.equals("search task: CANCELLED")).count());
    assertTrue(lines.contains("search task: COMPLETED"), lines::toString);
    assertTrue(lines.contains("second refresh is the first one: true"), lines::toString);
  }

  @Test
  void theLockBlocksExampleRollsBackAndTimesOut() throws Exception {
    List<String> lines = output(() -> LockBlocksExample.main(new String[0]));
    assertTrue(
        lines.contains("pay 30: COMPLETED, pay 500: FAILED (overdrawn by 430), balance 70"),
        lines::toString);
    assertTrue(
        lines.contains(
            "audit while the lock was busy: FAILED (LockTimeoutException), audits 0"),
        lines::toString);
  }
}
