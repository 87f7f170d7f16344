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
      count++;
    } catch (RuntimeException e) {
      count = -1; // [SW201] @Background method tick() writes field count outside a lock block
    } finally {
      count = -2; // [SW201] @Background method tick() writes field count outside a lock block
    }
    count = 9; // [SW201] @Background method tick() writes field count outside a lock block
  }
}