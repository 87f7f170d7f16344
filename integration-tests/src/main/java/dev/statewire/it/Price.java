package dev.statewire.it;

import dev.statewire.annotation.Reactive;

/** A price in cents; {@link Order} derives from it through its getter. */
@Reactive
public class Price {
  int cents;

  public Price(int cents) {
    this.cents = cents;
  }

  /** A factory in the annotated class that names its generated subclass. */
  public static Price of(int cents) {
    return new ReactivePrice(cents);
  }

  public int getCents() {
    return cents;
  }

  public void setCents(int cents) {
    this.cents = cents;
  }
}
