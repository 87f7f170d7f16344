package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  @Derived
  int total() {
    count = 1; // [SW203] @Derived method total() writes field count
    return count;
  }
}