package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Derived
  void total() {} // [SW301] @Derived method total() returns void
}