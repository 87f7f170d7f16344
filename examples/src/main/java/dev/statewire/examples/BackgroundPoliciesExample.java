package dev.statewire.examples;

import dev.statewire.Task;
import java.time.Duration;
import java.util.List;

/**
 * {@code @Background} policies: three quick searches (SUPERSEDE: only the last one lands), three
 * refreshes (SKIP: one runs), three log lines (PARALLEL: all run).
 */
public final class BackgroundPoliciesExample {
  private BackgroundPoliciesExample() {}

  public static void main(String[] args) throws InterruptedException {
    try (var box = new ReactiveSearchBox()) {
      List<Task> searches =
          List.of(box.startSearch("s"), box.startSearch("st"), box.startSearch("sta"));
      Task firstRefresh = box.startRefresh();
      Task secondRefresh = box.startRefresh();
      box.log("one");
      box.log("two");
      box.log("three");
      for (Task task : box.backgroundTasks()) {
        task.await(Duration.ofSeconds(10));
      }
      searches.forEach(task -> System.out.println("search task: " + task.status()));
      System.out.println("second refresh is the first one: " + (secondRefresh == firstRefresh));
    }
  }
}
