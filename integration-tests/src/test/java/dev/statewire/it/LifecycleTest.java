package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ClosedException;
import dev.statewire.ReactiveContext;
import dev.statewire.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Construction and closing: what runs while the generated parts do not exist, or still do. */
class LifecycleTest {
  private final ReactiveContext context = ReactiveContext.create();

  @Test
  void aUserCloseRunsFirstSoItsWritesAreCommittedAndItsActionsRun() throws IOException {
    Journal journal = new ReactiveJournal(context);
    journal.add();
    journal.close();
    assertEquals(2, journal.entries(), "the action close() called ran");
    assertTrue(journal.isFinished(), "the write close() made is committed");
    assertEquals(List.of("0", "1", "2 finished"), journal.seen(), "effects saw the closing commit");
    assertThrows(ClosedException.class, journal::add);
  }

  @Test
  void closeActsOnceOnly() throws IOException {
    Journal journal = new ReactiveJournal(context);
    journal.close();
    journal.close();
    assertEquals(1, journal.entries());
  }

  @Test
  void aCheckedExceptionOfTheUserClosePassesThroughAndTheInstanceIsClosedAnyway() {
    Journal journal = new ReactiveJournal(context);
    journal.failOnClose();
    IOException failure = assertThrows(IOException.class, journal::close);
    assertEquals("disk full", failure.getMessage());
    assertEquals(0, journal.entries(), "the failed close() is rolled back like any action");
    assertThrows(ClosedException.class, journal::add);
  }

  @Test
  void lockBlocksAndTasksTheConstructorCallsRunAsPlainCalls() {
    Seeded seeded = new ReactiveSeeded(context, 5);
    assertEquals(5, seeded.count());
    assertEquals("seeded", seeded.label());
    assertEquals(1, seeded.ticks(), "the task ran in the constructor, as a plain call");
    assertEquals(10, seeded.doubled(), "the signals start from what the constructor left");
  }

  @Test
  void afterConstructionTheSameMethodsLockAndRunAsTasks() throws Exception {
    ReactiveSeeded seeded = new ReactiveSeeded(context, 1);
    seeded.reset(4);
    assertEquals(8, seeded.doubled());
    Task task = seeded.startTick();
    assertTrue(task.await(Duration.ofSeconds(30)), "the task ended");
    assertEquals(2, seeded.ticks());
    seeded.close();
  }
}
