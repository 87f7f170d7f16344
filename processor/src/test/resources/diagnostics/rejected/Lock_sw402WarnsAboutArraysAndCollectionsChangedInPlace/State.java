package test;
import dev.statewire.Statewire;
import dev.statewire.annotation.*;
import java.time.Duration;
@Reactive
@SuppressWarnings("try")
public class State {
  int count;
  java.util.List<String> items = new java.util.ArrayList<>();
  int[] grid = new int[4];
  dev.statewire.ReactiveList<String> tracked;
  void add(String item) {
    items.add(item); // [SW402] method add(String) of State changes field items in place
    this.grid[0] = 1; // [SW402] method add(String) of State changes field grid in place (grid
    grid[1]++; // [SW402] method add(String) of State changes field grid in place (grid
    java.util.Collections.sort(items); // [SW402] method add(String) of State changes field items in place
    tracked.add(item);
    items = java.util.List.of(item);
  }
}