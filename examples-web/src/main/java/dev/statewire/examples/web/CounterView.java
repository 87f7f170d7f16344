package dev.statewire.examples.web;

import dev.statewire.examples.TaskState;

/**
 * What the page shows of one tab's counter, read in one piece: the JSON of every state answer and
 * of every event on the tab's stream.
 */
record CounterView(int counter, int maxCounter, boolean running) {

  /**
   * Reads the three fields of {@code state}. Called under the state's lock (in an effect or a
   * batch), so they come from one commit; inside an effect, each read is a dependency.
   */
  static CounterView of(TaskState state) {
    return new CounterView(state.getCounter(), state.getMaxCounter(), state.isRunning());
  }

  String toJson() {
    return "{\"counter\":" + counter + ",\"maxCounter\":" + maxCounter
        + ",\"running\":" + running + "}";
  }
}
