package dev.statewire.it;

import dev.statewire.annotation.Reactive;

/** A price in cents; {@link Order} derives from it through its getter. */
@Reactive
public class Price {
  int cents;

  public Price(int cents) {
    this.cents = cents;
  }

  public int getCents() {
    return cents;
  }

  public void setCents(int cents) {
    this.cents = cents;
  }
}
