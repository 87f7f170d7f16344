package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Derived
  int total() throws Exception { return 0; } // [SW301] @Derived method total() declares a checked exception
}