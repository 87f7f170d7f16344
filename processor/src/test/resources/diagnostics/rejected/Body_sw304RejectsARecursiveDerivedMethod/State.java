package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  @Derived
  int depth() { return count > 0 ? depth() : 0; } // [SW304] @Derived methods call each other in a cycle: depth() -> depth()
}