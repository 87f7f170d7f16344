package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Effect
  void log(int level) {} // [SW302] @Effect method log(int) has parameters
}