package test;
@dev.statewire.annotation.Reactive public class Outer {
  void run() {
    @dev.statewire.annotation.Reactive
    class State { // [SW101] @Reactive class State is a local or anonymous class
      int count;
    }
  }
}