package dev.statewire.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestValueTest {
  @Test
  void aSlowConsumerGetsOnlyTheNewestValue() throws InterruptedException {
    LatestValue<Integer> mailbox = new LatestValue<>();
    for (int i = 1; i <= 1000; i++) {
      mailbox.offer(i);
    }
    assertEquals(Optional.of(1000), mailbox.take(Duration.ZERO));
    assertEquals(Optional.empty(), mailbox.take(Duration.ZERO), "each value is taken once");
  }

  @Test
  void takeWaitsForAnOfferAndCloseWakesIt() throws Exception {
    LatestValue<String> mailbox = new LatestValue<>();
    CompletableFuture<Optional<String>> waiting =
        CompletableFuture.supplyAsync(() -> take(mailbox, Duration.ofSeconds(30)));
    mailbox.offer("first");
    assertEquals(Optional.of("first"), waiting.get(30, TimeUnit.SECONDS));

    CompletableFuture<Optional<String>> parked =
        CompletableFuture.supplyAsync(() -> take(mailbox, Duration.ofSeconds(30)));
    mailbox.close();
    assertEquals(Optional.empty(), parked.get(30, TimeUnit.SECONDS));
    assertTrue(mailbox.isClosed());
    mailbox.offer("late");
    assertEquals(Optional.empty(), mailbox.take(Duration.ofSeconds(30)), "closed: no wait");
  }

  private static Optional<String> take(LatestValue<String> mailbox, Duration timeout) {
    try {
      return mailbox.take(timeout);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
