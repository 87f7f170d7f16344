package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Derived
  static int total() { return 0; } // [SW301] @Derived method total() is static
}