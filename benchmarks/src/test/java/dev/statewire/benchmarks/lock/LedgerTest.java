package dev.statewire.benchmarks.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.ReactiveContext;
import org.junit.jupiter.api.Test;

/** The smoke check of {@code LockBench}'s state: each variant writes both fields once per call. */
class LedgerTest {
  @Test
  void everyVariantPostsOneEntryPerCall() {
    try (ReactiveLedger ledger = new ReactiveLedger(ReactiveContext.create())) {
      ledger.post();
      ledger.postAction();
      assertEquals(2, ledger.entries());
      assertEquals(0, ledger.imbalance());
    }
    PlainLedger plain = new PlainLedger();
    plain.post();
    assertEquals(1, plain.entries());
  }
}
