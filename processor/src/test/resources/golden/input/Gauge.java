package test;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

/** Derived primitives: a long in a LongComputed, a float (a narrow primitive) in a Computed. */
@Reactive
public class Gauge {
  long ticks;
  float ratio = 1f;

  @Derived
  long doubledTicks() {
    return ticks * 2;
  }

  @Derived
  float halfRatio() {
    return ratio / 2;
  }
}
