package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Effect
  int log() { return 0; } // [SW302] @Effect method log() returns a value
}