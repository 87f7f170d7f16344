package dev.statewire.benchmarks.generated;

import dev.statewire.Computed;
import dev.statewire.Effect;
import dev.statewire.ReactiveContext;
import dev.statewire.Signal;

/** {@link Cart} written by hand on the runtime API: what the generated class is measured against. */
public final class HandWrittenCart implements AutoCloseable {
  private final Signal<Integer> quantity;
  private final Signal<Integer> price;
  private final Computed<Integer> total;
  private final Effect report;
  long reported;

  public HandWrittenCart(ReactiveContext context) {
    quantity = context.signal(0);
    price = context.signal(10);
    total = context.computed(() -> quantity.get() * price.get());
    report = context.effect(() -> reported += total.get());
  }

  public void add() {
    quantity.update(q -> q + 1);
  }

  public int total() {
    return total.get();
  }

  @Override
  public void close() {
    report.close();
  }
}
