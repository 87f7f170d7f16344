package test;
import dev.statewire.Statewire;
import dev.statewire.annotation.*;
import java.time.Duration;
@Reactive
@SuppressWarnings("try")
public class State {
  int count;
  java.util.List<String> items = new java.util.ArrayList<>();
  @Derived
  int total() {
    try (var self = Statewire.lock(this)) { // [SW204] @Derived method total() takes a lock (Statewire.lock(this))
      return count;
    }
  }
  @Derived
  int twice() {
    return 2 * locked(); // [SW204] @Derived method twice() calls locked()
  }
  private int locked() {
    try (var self = Statewire.lock(this)) { return count; }
  }
}