package dev.statewire.it;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

/**
 * A constructor that calls a method with a lock block, a private helper with one, and a
 * {@code @Background} method: while it runs they are plain calls: nothing is locked or committed yet.
 */
@Reactive
public class Seeded {
  int count;
  int ticks;
  String label = "";

  public Seeded(int start) {
    reset(start);
    name("seeded");
    tick();
  }

  public void reset(int start) {
    try (var self = Statewire.lock(this)) {
      count = start;
    }
  }

  private void name(String text) {
    Statewire.lock(this, () -> label = text);
  }

  @Background
  void tick() {
    try (var self = Statewire.lock(this)) {
      ticks++;
    }
  }

  public int count() {
    return count;
  }

  public int ticks() {
    return ticks;
  }

  public String label() {
    return label;
  }

  @Derived
  public int doubled() {
    return count * 2;
  }
}
