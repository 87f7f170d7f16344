package dev.statewire;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A test loader that records every request and returns a future the test completes by hand, so
 * each transition happens exactly when the test says.
 */
final class ScriptedLoader<P, T> implements ResourceLoader<P, T> {
  /** One recorded call: what the resource asked for and the future handed back to it. */
  record Call<P, T>(ResourceLoaderParams<P, T> request, CompletableFuture<T> future) {
    P params() {
      return request.params();
    }

    Cancellation cancellation() {
      return request.cancellation();
    }

    void resolve(T value) {
      future.complete(value);
    }

    void fail(Throwable error) {
      future.completeExceptionally(error);
    }
  }

  private final List<Call<P, T>> calls = new ArrayList<>();

  @Override
  public synchronized CompletionStage<T> load(ResourceLoaderParams<P, T> request) {
    CompletableFuture<T> future = new CompletableFuture<>();
    calls.add(new Call<>(request, future));
    return future;
  }

  synchronized int count() {
    return calls.size();
  }

  synchronized Call<P, T> call(int index) {
    return calls.get(index);
  }

  synchronized Call<P, T> last() {
    return calls.get(calls.size() - 1);
  }
}
