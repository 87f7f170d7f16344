package test;
import dev.statewire.Statewire;
import dev.statewire.annotation.*;
import java.time.Duration;
@Reactive
@SuppressWarnings("try")
public class State {
  int count;
  java.util.List<String> items = new java.util.ArrayList<>();
  void copy(State other) {
    try (var guard = Statewire.lock(other)) { // [SW305] Statewire.lock(other) in method copy(State) of State locks another
      other.add();
    }
    try (var self = Statewire.lock(State.this)) { count++; }
    Runnable anonymous = new Runnable() {
      @Override public void run() { Statewire.lock(this, () -> {}); } // [SW305] Statewire.lock(this
    };
  }
  void add() { count++; }
}