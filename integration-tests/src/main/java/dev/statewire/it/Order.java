package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.atomic.AtomicInteger;

/** A derived value of one object that depends on another object's getter. */
@Reactive
public class Order {
  final Price price;
  int quantity;
  final AtomicInteger totalRuns = new AtomicInteger();

  public Order(Price price, int quantity) {
    this.price = price;
    this.quantity = quantity;
  }

  @Derived
  public int total() {
    totalRuns.incrementAndGet();
    return price.getCents() * quantity;
  }

  public void setQuantity(int quantity) {
    this.quantity = quantity;
  }

  public int totalRuns() {
    return totalRuns.get();
  }
}
