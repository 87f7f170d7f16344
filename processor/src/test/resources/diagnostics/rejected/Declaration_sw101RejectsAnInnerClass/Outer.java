package test;
public class Outer {
  @dev.statewire.annotation.Reactive
  class State { // [SW101] @Reactive class State is an inner (non-static) class
    int count;
  }
}