package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  void copyTo(State other) {
    other.count++; // [SW205] field count of @Reactive class State is written through another
  }
}