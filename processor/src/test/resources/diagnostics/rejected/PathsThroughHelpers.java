package fixtures;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

@Reactive
public class PathsThroughHelpers {
  int hits;
  int size;

  @Derived
  int total() {
    return lookup(); // [SW203] @Derived method total() calls lookup()
  }

  @Derived
  int a() { // [SW304] @Derived methods call each other in a cycle: a() -> helper() -> b() ->
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
