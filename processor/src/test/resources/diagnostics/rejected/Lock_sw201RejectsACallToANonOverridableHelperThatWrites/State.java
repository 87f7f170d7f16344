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
    reset(); // [SW201] @Background method tick() calls reset()
    try (var self = Statewire.lock(this)) { reset(); }
    super.toString();
    finalReset(); // [SW201] @Background method tick() calls finalReset()
  }
  private void reset() { helper(); }
  private void helper() { count = 0; }
  final void finalReset() { count = 0; }
}