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
    Runnable viaLambda = () -> reset(); // [SW202] @Background method tick() calls reset()
    Runnable viaReference = this::reset; // [SW202] @Background method tick() calls reset()
    Runnable action = this::add;
    Runnable locked = () -> Statewire.lock(this, this::reset);
    Runnable lockedInside = () -> {
      try (var self = Statewire.lock(this)) { count++; }
    };
  }
  void add() { count++; }
  private void reset() { count = 0; }
}