package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Derived
  int total(int base) { return base; } // [SW301] @Derived method total(int) has parameters
}