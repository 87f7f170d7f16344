package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Effect
  final void log() {} // [SW302] @Effect method log() is final
}