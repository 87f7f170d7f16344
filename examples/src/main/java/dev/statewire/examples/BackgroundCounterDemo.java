package dev.statewire.examples;

import dev.statewire.Task;
import java.time.Duration;

/**
 * The README's demo: Reflex's background-task counter on the console. A background loop
 * increments the counter every 150 ms inside a lock block until it reaches its limit; an effect
 * prints every committed change.
 */
public final class BackgroundCounterDemo {
  private BackgroundCounterDemo() {}

  public static void main(String[] args) throws InterruptedException {
    try (var state = new ReactiveTaskState(Duration.ofMillis(150))) {
      System.out.println("toggleRunning(): the loop starts in the background");
      state.toggleRunning();
      System.out.println("... and toggleRunning() has already returned; waiting for the loop");
      for (Task task : state.backgroundTasks()) {
        if (!task.await(Duration.ofSeconds(30))) {
          throw new IllegalStateException(task + " did not end in time");
        }
      }
      System.out.println("the loop stopped itself at the limit; closing the state");
    }
  }
}
