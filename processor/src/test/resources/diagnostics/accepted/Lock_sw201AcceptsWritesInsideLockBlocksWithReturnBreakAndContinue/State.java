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
  void tick(int count) throws InterruptedException {
    int items = 0;
    items++;
    count++;
    while (true) {
      try (var self = Statewire.lock(this, Duration.ofSeconds(1))) {
        if (this.count > 10) return;
        if (this.count % 2 == 0) { this.count += 1; continue; }
        this.count++;
        if (this.count == 7) break;
      }
      Statewire.sleep(Duration.ofMillis(1));
    }
    try (var first = Statewire.lock(this); var second = Statewire.lock(this)) {
      this.count = 0;
    }
    Statewire.lock(this, () -> this.count = 1);
    Statewire.lock(this, () -> { this.count++; bump(); });
    Statewire.lock(this, this::bump);
    try (var self = Statewire.lock(this)) {
      try { this.count++; } catch (RuntimeException e) { this.count = 0; }
      finally { this.count += 1; }
      switch (this.count) { case 1: this.count = 2; break; default: this.count--; }
    }
    add(2);
    this.add(3);
    lockedBump();
  }
  void add(int by) { this.count += by; }
  private void bump() { this.count++; }
  private void lockedBump() {
    try (var self = Statewire.lock(this)) { bump(); }
  }
}