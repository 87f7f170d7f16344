package fixtures;

import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;

@Reactive
public class WritesInAnInnerClassFromATask {
  int count;

  @Background
  void tick() {
    new Counter().bump(); // [SW201] @Background method tick() calls bump()
  }

  class Counter {
    void bump() {
      WritesInAnInnerClassFromATask.this.count++;
    }
  }
}
