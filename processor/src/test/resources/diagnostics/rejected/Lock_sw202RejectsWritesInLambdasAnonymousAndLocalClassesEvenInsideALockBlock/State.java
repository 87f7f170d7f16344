package test;
import dev.statewire.Statewire;
import dev.statewire.annotation.*;
import java.time.Duration;
@Reactive
@SuppressWarnings("try")
public class State {
  int count;
  java.util.List<String> items = new java.util.ArrayList<>();
  @Background
  void tick() {
    try (var self = Statewire.lock(this)) {
      Runnable later = () -> count++; // [SW202] @Background method tick() writes field count inside a lambda
      Runnable anonymous = new Runnable() {
        @Override public void run() { count = 2; } // [SW202] @Background method tick() writes field count inside an anonymous class
      };
      class Local { void reset() { State.this.count = 0; } } // [SW202] @Background method tick() writes field count inside a local class
      new Thread(later).start();
    }
  }
}