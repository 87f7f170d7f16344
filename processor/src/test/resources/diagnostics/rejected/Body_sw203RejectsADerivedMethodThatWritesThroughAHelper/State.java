package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  @Derived
  int total() {
    reset(); // [SW203] @Derived method total() calls reset()
    return count;
  }
  private void reset() { bump(); }
  private void bump() { count++; }
}