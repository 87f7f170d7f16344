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
    int seen = count; // [SW401] @Background method tick() reads field count outside a lock block
    try (var self = Statewire.lock(this)) { seen += count; }
    seen += count + peek() + current(); // [SW401] @Background method tick() calls peek()
  }
  private int peek() { return count; }
  int current() { return count; }
}