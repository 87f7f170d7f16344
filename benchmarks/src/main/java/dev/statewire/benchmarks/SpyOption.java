package dev.statewire.benchmarks;

import dev.statewire.ReactiveContext;

/**
 * {@code -Dstatewire.bench.spy=noop} attaches a spy listener that does nothing to the context a
 * benchmark uses, to time the spy's cost when attached (BENCHMARKS.md, "Spy cost"); without the
 * property nothing is attached.
 */
final class SpyOption {
  private SpyOption() {}

  /** Attaches the no-op listener to {@code context} if the property asks for it. */
  static void apply(ReactiveContext context) {
    if ("noop".equals(System.getProperty("statewire.bench.spy"))) {
      context.spy(event -> { });
    }
  }
}
