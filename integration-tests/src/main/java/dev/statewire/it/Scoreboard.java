package dev.statewire.it;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

/**
 * Declares a class generated in the same compilation with {@code var} ({@code ReactiveCounter})
 * and takes its own lock with the documented {@code try (var self = Statewire.lock(this))}.
 */
@Reactive
public class Scoreboard {
  int total;

  public int getTotal() {
    return total;
  }

  /** Depends on {@code total} only. */
  @Derived
  public int doubledTotal() {
    return total * 2;
  }

  /** Adds what a fresh counter (in this instance's context) reaches after {@code times} steps. */
  public void addCountedTo(int times) {
    var counter = new ReactiveCounter(ReactiveContext.current());
    for (int i = 0; i < times; i++) {
      counter.increment();
    }
    total += counter.getCount();
    counter.close();
  }

  /** Resets the total in a lock block. */
  public void reset() {
    try (var self = Statewire.lock(this)) {
      total = 0;
    }
  }
}
