package fixtures.base;

import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;

@Reactive
public abstract class Base {
  protected int count;

  @Background
  public void tick() {
    reset(); // [SW201] in App, a class of another package, the generated class cannot override the package-private reset()
  }

  void reset() {
    count = 0;
  }
}
