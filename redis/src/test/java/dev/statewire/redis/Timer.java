package dev.statewire.redis;

import dev.statewire.annotation.Reactive;
import java.time.Duration;

/** Not meant for a store at compile time: its Duration field has no codec until one is given. */
@Reactive
class Timer {
  Duration timeout = Duration.ZERO;

  Duration timeout() {
    return timeout;
  }

  void extend(Duration by) {
    timeout = timeout.plus(by);
  }
}
