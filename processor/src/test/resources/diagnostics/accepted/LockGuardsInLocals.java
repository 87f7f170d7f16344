package fixtures;

import dev.statewire.LockGuard;
import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;

/** A guard held in a local is a lock block: closed in a finally, or by try-with-resources. */
@Reactive
public class LockGuardsInLocals {
  int count;

  @Background
  void withFinally() {
    var g = Statewire.lock(this);
    try {
      count++;
    } finally {
      g.close();
    }
  }

  @Background
  void withResource() {
    LockGuard g = Statewire.lock(this);
    try (g) {
      count = count + 1;
    }
  }

  @Background
  void withLambdaBody() {
    Runnable body = () -> count += 2;
    Statewire.lock(this, body);
  }
}
