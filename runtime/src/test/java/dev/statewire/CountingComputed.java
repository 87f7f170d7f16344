package dev.statewire;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A computed that counts its evaluations, for tests of what invalidates what. */
final class CountingComputed<T> {
  private final AtomicInteger runs = new AtomicInteger();
  private final Computed<T> computed;

  CountingComputed(ReactiveContext ctx, Supplier<T> fn) {
    this.computed =
        ctx.computed(
            () -> {
              runs.incrementAndGet();
              return fn.get();
            });
  }

  /** Reads the computed (evaluating it if stale) and returns how many times it has run. */
  int runsAfterRead() {
    computed.get();
    return runs.get();
  }

  T get() {
    return computed.get();
  }
}
