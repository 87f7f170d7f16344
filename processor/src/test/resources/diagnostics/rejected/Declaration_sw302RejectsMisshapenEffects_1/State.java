package test;
@dev.statewire.annotation.Reactive
public class State {
  int count;
  @dev.statewire.annotation.Effect
  static void log() {} // [SW302] @Effect method log() is static
}