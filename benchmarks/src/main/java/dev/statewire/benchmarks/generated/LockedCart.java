package dev.statewire.benchmarks.generated;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * {@link Cart} by hand, thread-safe the usual way: the state and a listener list (the effect)
 * guarded by a {@link ReentrantLock}, the derived total recomputed on every change.
 */
public final class LockedCart {
  private final ReentrantLock lock = new ReentrantLock();
  private final List<IntConsumer> listeners = new ArrayList<>();
  private int quantity;
  private final int price = 10;
  private int total;
  long reported;

  public LockedCart() {
    listeners.add(newTotal -> reported += newTotal);
  }

  public void add() {
    lock.lock();
    try {
      quantity++;
      total = quantity * price;
      for (int i = 0; i < listeners.size(); i++) {
        listeners.get(i).accept(total);
      }
    } finally {
      lock.unlock();
    }
  }

  public int total() {
    lock.lock();
    try {
      return total;
    } finally {
      lock.unlock();
    }
  }
}
