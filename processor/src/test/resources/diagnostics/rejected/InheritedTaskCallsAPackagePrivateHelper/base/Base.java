package fixtures.base;

import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;

@Reactive
public abstract class Base {
  protected int count;

  @Background
  public void tick() {
    reset(); // [SW201] @Background method tick() of Base calls reset()
  }

  void reset() {
    count = 0;
  }
}
