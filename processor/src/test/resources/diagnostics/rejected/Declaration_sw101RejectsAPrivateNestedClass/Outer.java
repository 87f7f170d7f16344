package test;
public class Outer {
  @dev.statewire.annotation.Reactive
  private static class State { // [SW101] @Reactive class State is private
    int count;
  }
}