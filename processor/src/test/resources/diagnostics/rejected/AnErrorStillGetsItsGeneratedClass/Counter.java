package fixtures;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

/** One real error; its users still find ReactiveCounter, so nothing else is reported. */
@Reactive
public class Counter {
  int count;

  @Derived
  static int twice() { // [SW301] @Derived method twice() is static
    return 2;
  }

  public void increment() {
    count++;
  }
}
