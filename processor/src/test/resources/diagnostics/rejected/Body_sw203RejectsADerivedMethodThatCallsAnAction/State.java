package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  @Derived
  int total() {
    this.increment(2); // [SW203] @Derived method total() calls increment(int)
    return count;
  }
  void increment(int by) { count += by; }
}