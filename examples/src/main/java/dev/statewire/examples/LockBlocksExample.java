package dev.statewire.examples;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import dev.statewire.Task;
import java.time.Duration;

/** Lock blocks: a failing payment rolled back, and an audit that times out on a busy lock. */
public final class LockBlocksExample {
  private LockBlocksExample() {}

  public static void main(String[] args) throws InterruptedException {
    ReactiveContext context =
        ReactiveContext.builder()
            .name("wallet")
            .errorHandler((source, error) -> System.out.println("reported: " + source + ": "
                + error.getClass().getSimpleName()))
            .build();
    try (var wallet = new ReactiveWallet(context)) {
      Task ok = wallet.startPay(30);
      ok.await(Duration.ofSeconds(10));
      Task overdrawn = wallet.startPay(500);
      overdrawn.await(Duration.ofSeconds(10));
      System.out.println("pay 30: " + ok.status() + ", pay 500: " + overdrawn.status() + " ("
          + overdrawn.failure().getMessage() + "), balance " + wallet.balance());

      Task audit;
      try (var busy = Statewire.lock(wallet)) { // hold the lock while the audit tries to take it
        audit = wallet.startAudit();
        audit.await(Duration.ofSeconds(10));
      }
      System.out.println("audit while the lock was busy: " + audit.status() + " ("
          + audit.failure().getClass().getSimpleName() + "), audits " + wallet.audits());
    }
  }
}
