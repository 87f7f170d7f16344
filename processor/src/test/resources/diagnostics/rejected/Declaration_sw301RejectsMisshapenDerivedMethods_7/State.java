package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Derived
  @dev.statewire.annotation.Effect int total() { return 0; } // [SW301] @Derived method total() is also @Effect
}