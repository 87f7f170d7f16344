package dev.statewire.examples;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.time.Duration;

/**
 * Reflex's background-task counter as a plain class: {@code counter}, {@code maxCounter} and
 * {@code running} are state; the processor generates {@code ReactiveTaskState}.
 */
@Reactive
public class TaskState {
  int counter;
  int maxCounter = 10;
  boolean running;
  /** How long the task waits between two increments; final, so not state. */
  final Duration interval;

  public TaskState(Duration interval) {
    this.interval = interval;
  }

  @Derived
  boolean atLimit() {
    return counter >= maxCounter;
  }

  /** Prints each committed change of the counter or of {@code running}. */
  @Effect
  void report() {
    System.out.println(
        "counter " + counter + " / " + maxCounter + (running ? "  (running)" : "  (stopped)"));
  }

  /** An action: it writes {@code running}, so it runs under the lock and commits when it ends. */
  public void toggleRunning() {
    running = !running;
    if (running) {
      tick();
    }
  }

  /**
   * The background loop. Calling {@code tick()} starts it on another thread and returns at once.
   * State changes only inside the lock block, Java's {@code async with self}; the sleep happens
   * with the lock released. SUPERSEDE: starting it again cancels a loop still winding down, so
   * toggling quickly never leaves two loops counting.
   */
  @Background(Background.Policy.SUPERSEDE)
  void tick() {
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
