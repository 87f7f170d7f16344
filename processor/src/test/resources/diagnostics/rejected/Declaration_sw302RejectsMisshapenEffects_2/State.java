package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Effect
  private void log() {} // [SW302] @Effect method log() is private
}