package test;
import dev.statewire.Statewire;
import dev.statewire.annotation.*;
import java.time.Duration;
@Reactive
@SuppressWarnings({"try", "SW402"})
public class Quiet {
  int count;
  java.util.List<String> items = new java.util.ArrayList<>();
  @Background
  @SuppressWarnings({"SW401", "SW403"})
  void tick() {
    int seen = count;
    try (var self = Statewire.lock(this)) {
      items.add("x");
      Statewire.sleep(Duration.ofMillis(1));
    }
  }
}