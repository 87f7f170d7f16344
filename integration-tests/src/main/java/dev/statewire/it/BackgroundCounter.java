package dev.statewire.it;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reflex's background-task counter. {@code tick()} is SKIP: asking for a loop while one runs
 * starts no second loop. The effect records every committed state it sees.
 */
@Reactive
@SuppressWarnings("try") // the lock block's guard is never read
public class BackgroundCounter {
  int counter;
  int maxCounter;
  boolean running;
  final Duration interval;
  /** What the effect saw, one entry per run: "counter/running". */
  final List<String> seen = new CopyOnWriteArrayList<>();

  public BackgroundCounter(int maxCounter, Duration interval) {
    this.maxCounter = maxCounter;
    this.interval = interval;
  }

  @Derived
  public boolean atLimit() {
    return counter >= maxCounter;
  }

  @Effect
  void record() {
    seen.add(counter + "/" + running);
  }

  public List<String> seen() {
    return List.copyOf(seen);
  }

  public int counter() {
    return counter;
  }

  public void toggleRunning() {
    running = !running;
    if (running) {
      tick();
    }
  }

  @Background(Background.Policy.SKIP)
  public void tick() {
    while (true) {
      try (var self = Statewire.lock(this)) {
        if (atLimit()) {
          running = false;
        }
        if (!running) {
          return;
        }
        counter++;
      }
      Statewire.sleep(interval);
    }
  }
}
