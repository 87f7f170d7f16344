package dev.statewire.redis;

import dev.statewire.annotation.Reactive;
import java.util.ArrayList;
import java.util.List;

/** A per-session state class as users write it; the processor generates its codecs. */
@Reactive(stored = true)
class SessionState {
  enum Phase { IDLE, RUNNING }

  record Entry(String text, int at) {}

  int count;
  Phase phase = Phase.IDLE;
  List<Entry> log = List.of();
  transient int renders;

  int count() {
    return count;
  }

  Phase phase() {
    return phase;
  }

  List<Entry> log() {
    return log;
  }

  void increment() {
    count++;
    phase = Phase.RUNNING;
    List<Entry> next = new ArrayList<>(log);
    next.add(new Entry("incremented", count));
    log = List.copyOf(next);
  }
}
