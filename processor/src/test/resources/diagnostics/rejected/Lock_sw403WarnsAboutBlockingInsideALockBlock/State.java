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
      Statewire.sleep(Duration.ofMillis(5)); // [SW403] method tick() of State calls Statewire.sleep inside a lock block
    }
    Statewire.sleep(Duration.ofMillis(5));
    java.util.concurrent.CompletableFuture<String> f = new java.util.concurrent.CompletableFuture<>();
    Statewire.lock(this, () -> f.join()); // [SW403] method tick() of State calls CompletableFuture.join inside a lock
    Runnable later = () -> { try { Thread.sleep(1); } catch (InterruptedException e) {} };
  }
}