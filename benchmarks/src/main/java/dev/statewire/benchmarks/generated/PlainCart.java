package dev.statewire.benchmarks.generated;

/** {@link Cart} without reactivity: the effect's work is done by hand after each change. */
public final class PlainCart {
  private int quantity;
  private final int price = 10;
  long reported;

  public void add() {
    quantity++;
    reported += total();
  }

  public int total() {
    return quantity * price;
  }
}
