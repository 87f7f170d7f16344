package dev.statewire.benchmarks.generated;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;

/**
 * The state {@code GeneratedClassBench} drives through the processor's generated subclass: an
 * action, a derived value and an effect, the same shape as {@link HandWrittenCart} and {@link
 * PlainCart}.
 */
@Reactive
public class Cart {
  int quantity;
  int price = 10;
  /** Not reactive (final): where the effect reports, so the JIT cannot drop its work. */
  final long[] reported = {0};

  /** An action: writes one field. */
  public void add() {
    quantity++;
  }

  @Derived
  public int total() {
    return quantity * price;
  }

  @Effect
  void report() {
    reported[0] += total();
  }
}
