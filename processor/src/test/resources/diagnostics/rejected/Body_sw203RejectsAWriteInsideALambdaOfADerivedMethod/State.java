package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  @Derived
  int total() {
    Runnable reset = () -> count = 0; // [SW203] @Derived method total() writes field count
    reset.run();
    return count;
  }
}