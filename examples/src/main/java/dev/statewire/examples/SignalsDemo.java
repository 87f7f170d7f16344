package dev.statewire.examples;

import dev.statewire.Computed;
import dev.statewire.Effect;
import dev.statewire.Signal;
import dev.statewire.Statewire;

/** The runtime on its own: a shopping cart built from signals, computed values and an effect. */
public final class SignalsDemo {
  private SignalsDemo() {}

  public static void main(String[] args) {
    Signal<Integer> price = Signal.of(12).named("price");
    Signal<Integer> quantity = Signal.of(1).named("quantity");
    Signal<Integer> discountPercent = Signal.of(0).named("discount");

    Computed<Integer> subtotal = Computed.of(() -> price.get() * quantity.get()).named("subtotal");
    Computed<Integer> total =
        Computed.of(() -> subtotal.get() * (100 - discountPercent.get()) / 100).named("total");

    try (Effect receipt = Effect.of(() -> System.out.printf(
        "%d x %d EUR, discount %d%% -> total %d EUR%n",
        quantity.get(), price.get(), discountPercent.get(), total.get()))) {
      quantity.set(3);                       // one line: the effect re-runs once
      Statewire.batch(() -> {                // two writes, one re-run
        price.set(10);
        discountPercent.set(20);
      });
      quantity.set(3);                       // equal value: nothing happens
      quantity.update(q -> q + 1);
    }
    price.set(99);                           // the effect is closed: nothing printed
  }
}
