package test;
public class Plain {
  @dev.statewire.annotation.Effect
  void log() {} // [SW302] @Effect method log() is not in a @Reactive class
}