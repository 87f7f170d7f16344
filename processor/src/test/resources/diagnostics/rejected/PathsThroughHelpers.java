package fixtures;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

@Reactive
public class PathsThroughHelpers {
  int hits;
  int size;

  @Derived
  int total() {
    return lookup(); // [SW203] calls lookup(), which writes field hits (lookup() -> note() -> hits++)
  }

  @Derived
  int a() { // [SW304] a() -> helper() -> b() -> a()
    return helper();
  }

  @Derived
  int b() {
    return a();
  }

  private int helper() {
    return b() + size;
  }

  private int lookup() {
    note();
    return size;
  }

  private void note() {
    hits++;
  }
}
