package dev.statewire.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Directory} whose answers the test gives: every lookup is recorded with a future the
 * test completes. With {@code ignoringCancellation}, the stage handed out cannot be cancelled
 * (a slow remote call that runs to its end whatever happens).
 */
final class ScriptedDirectory implements Directory {
  /** One recorded call. */
  record Lookup(long userId, CompletableFuture<String> answer) {}

  private final boolean ignoringCancellation;
  private final List<Lookup> lookups = new ArrayList<>();

  ScriptedDirectory(boolean ignoringCancellation) {
    this.ignoringCancellation = ignoringCancellation;
  }

  @Override
  public synchronized CompletionStage<String> lookup(long userId) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    lookups.add(new Lookup(userId, answer));
    notifyAll();
    return ignoringCancellation ? answer.minimalCompletionStage() : answer;
  }

  /** The {@code index}-th lookup (from 0), waiting up to ten seconds for it to happen. */
  synchronized Lookup lookup(int index) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lookups.size() <= index) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("lookup " + index + " never happened; lookups: " + lookups);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return lookups.get(index);
  }

  /** How many lookups happened so far. */
  synchronized int count() {
    return lookups.size();
  }
}
