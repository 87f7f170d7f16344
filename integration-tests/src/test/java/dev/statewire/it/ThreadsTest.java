package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Readers on other threads never see a half-committed transfer. */
class ThreadsTest {
  private static final long TOTAL = 1_000;
  private static final int TRANSFERS = 20_000;
  private static final int READERS = 4;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void readersSeeOnlyCommittedStatesWhileAWriterCommits() throws Exception {
    Account account = new ReactiveAccount(ReactiveContext.create(), TOTAL, 0);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
    try {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        boolean cached = r % 2 == 0;
        readers.add(pool.submit(() -> {
          long reads = 0;
          while (writing.get()) {
            long seen = cached ? account.total() : account.totalByReading();
            assertEquals(TOTAL, seen, "a reader saw a transfer half done");
            long checking = account.getChecking();
            assertTrue(checking <= TOTAL && checking >= TOTAL - TRANSFERS, "checking " + checking);
            reads++;
          }
          return reads;
        }));
      }
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < TRANSFERS; i++) {
          account.transfer(1);
        }
        writing.set(false);
      });
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Long> reader : readers) {
        assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
    assertEquals(TOTAL - TRANSFERS, account.getChecking());
    assertEquals(TOTAL, account.total());
  }
}
