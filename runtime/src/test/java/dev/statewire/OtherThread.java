package dev.statewire;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs a test's step on a new thread and waits for it (up to 30 s): what it threw, it throws. */
final class OtherThread {
  private OtherThread() {}

  static <T> T call(Supplier<T> body) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        result.complete(body.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    t.start();
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }
}
