package fixtures;

import dev.statewire.annotation.Reactive;

public class FinalOverrideOfAnAction {
  @Reactive
  public abstract static class Base {
    int count;

    void add() {
      count++;
    }
  }

  @Reactive
  public static class Sub extends Base {
    @Override
    final void add() { // [SW306] method add() of Sub is final but writes field count
      count += 2;
    }
  }
}
