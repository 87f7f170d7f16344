package dev.statewire.examples;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reflex's background-task counter as a plain class: {@code counter}, {@code maxCounter} and
 * {@code running} are state; the processor generates {@code ReactiveTaskState}. The console demo
 * and the web page (module {@code examples-web}) both run it.
 */
@Reactive
public class TaskState {
  int counter;
  int maxCounter = 10;
  boolean running;
  /** How long the task waits between two increments; final, so not state. */
  final Duration interval;
  /** Where {@link #report()} writes each committed change; final, so not state. */
  final Consumer<String> log;

  /** A counter that reports each committed change on {@code System.out}. */
  public TaskState(Duration interval) {
    this(interval, System.out::println);
  }

  /** A counter that reports each committed change to {@code log}. */
  public TaskState(Duration interval, Consumer<String> log) {
    this.interval = interval;
    this.log = log;
  }

  /** Tracked reads: called inside an effect, the effect depends on the field. */
  public int getCounter() {
    return counter;
  }

  public int getMaxCounter() {
    return maxCounter;
  }

  public boolean isRunning() {
    return running;
  }

  @Derived
  boolean atLimit() {
    return counter >= maxCounter;
  }

  /** Reports each committed change of the counter, its limit or {@code running}. */
  @Effect
  void report() {
    log.accept(
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
   * Reflex's {@code set_max_counter}: an action, so a negative limit throws before anything is
   * committed and the state stays as it was.
   *
   * @throws IllegalArgumentException if {@code max} is negative
   */
  public void setMaxCounter(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("maxCounter must be 0 or more, got " + max);
    }
    maxCounter = max;
  }

  /** Reflex's {@code clear_counter}: the page's Reset button. */
  public void clearCounter() {
    counter = 0;
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
