package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  static class Counter { int hits; }
  final Counter counter = new Counter();
  @Derived
  int total() {
    int count = 3;
    count++;
    counter.hits++;
    return count + this.count;
  }
  @Derived
  int twice(/* a parameter would be SW301 */) {
    java.util.function.IntUnaryOperator f = count -> count * 2;
    return f.applyAsInt(total());
  }
}