package dev.statewire.it;

import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.atomic.AtomicInteger;

/** An effect that calls an action: the effect must not depend on what the action reads. */
@Reactive
public class Ticker {
  int ticks;
  int requests;
  final AtomicInteger effectRuns = new AtomicInteger();

  public void request() {
    requests++;
  }

  public int getTicks() {
    return ticks;
  }

  /** Reads through a getter, then writes the field it read. */
  public void tick() {
    ticks = getTicks() + 1;
  }

  @Effect
  void serveRequests() {
    effectRuns.incrementAndGet();
    if (requests > 0) {
      tick();
    }
  }

  public int effectRuns() {
    return effectRuns.get();
  }
}
