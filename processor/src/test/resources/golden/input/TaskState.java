package test;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;

@Reactive
public class TaskState {
  int counter;
  int maxCounter = 10;
  boolean running;
  final String label;
  static int instances;

  public TaskState(String label) {
    this.label = label;
    instances++;
  }

  TaskState() {
    this("default");
  }

  @Derived
  boolean atLimit() {
    return counter >= maxCounter;
  }

  @Derived
  String summary() {
    return label + ": " + counter + (atLimit() ? " (at limit)" : "");
  }

  @Effect
  void report() {
    System.out.println(counter + " / " + maxCounter);
  }

  public int getCounter() {
    return counter;
  }

  void toggleRunning() {
    running = !running;
    if (running) {
      step();
    }
  }

  void step() {
    if (!atLimit()) {
      increment(1);
    }
  }

  private void increment(int by) {
    counter += by;
  }

  String label() {
    return label;
  }
}
