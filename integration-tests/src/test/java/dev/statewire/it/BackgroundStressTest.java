package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Task;
import dev.statewire.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many background tasks (virtual threads on Java 21+, platform threads on 17) hammer one
 * {@link Ledger} while readers on platform threads read it. Every lock block checks the invariant
 * before it writes; every read must see a committed, balanced state.
 */
class BackgroundStressTest {
  private static final int TASKS = 400;
  private static final int BLOCKS = 500;
  private static final int READERS = 3;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void tasksAndReadersNeverSeeAnUnbalancedLedger() throws Exception {
    ReactiveContext context = ReactiveContext.create();
    assertEquals(Runtime.version().feature() >= 21, runsOnVirtualThreads(context));
    AtomicBoolean posting = new AtomicBoolean(true);
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    try (ReactiveLedger ledger = new ReactiveLedger(context)) {
      List<Future<Long>> reads = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        reads.add(readers.submit(() -> {
          long count = 0;
          long last = 0;
          while (posting.get()) {
            assertEquals(0, ledger.imbalance(), "a reader saw a half-written block");
            long entries = ledger.entries();
            assertTrue(entries >= last, "entries went back from " + last + " to " + entries);
            last = entries;
            count++;
          }
          return count;
        }));
      }
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < TASKS; i++) {
        tasks.add(ledger.startPost(BLOCKS));
      }
      for (Task task : tasks) {
        Waiting.ended(task);
        assertEquals(TaskStatus.COMPLETED, task.status(), () -> String.valueOf(task.failure()));
      }
      posting.set(false);
      for (Future<Long> read : reads) {
        assertTrue(read.get(30, TimeUnit.SECONDS) > 0, "a reader never read");
      }
      assertEquals((long) TASKS * BLOCKS, ledger.entries());
      assertEquals((long) TASKS * BLOCKS, ledger.credits());
      assertEquals(0, ledger.imbalance());
    } finally {
      posting.set(false);
      readers.shutdownNow();
    }
  }

  /** Whether the context's executor, which runs background tasks, uses virtual threads. */
  private static boolean runsOnVirtualThreads(ReactiveContext context) throws Exception {
    CompletableFuture<Boolean> virtual = new CompletableFuture<>();
    context.executor().execute(() -> {
      try {
        virtual.complete((Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread()));
      } catch (ReflectiveOperationException notOnThisJdk) {
        virtual.complete(false);
      }
    });
    return virtual.get(30, TimeUnit.SECONDS);
  }
}
