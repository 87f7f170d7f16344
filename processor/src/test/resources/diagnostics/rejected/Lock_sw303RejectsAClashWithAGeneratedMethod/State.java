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
  void tick(int n) {} // [SW303] @Background method tick(int) needs the generated method startTick(...)
  void startTick(int times) {}
}