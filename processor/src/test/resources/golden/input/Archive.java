package test;

import dev.statewire.annotation.Background;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Names the generated code must not trip over: fields named like generated members, nested
 * types named like runtime and java.lang types, a wildcard field, a close() that writes and
 * throws IOException.
 */
@Reactive
public class Archive implements Closeable {
  record Task(java.lang.String label) {}

  enum Signal { OPEN, SHUT }

  int core;
  int tasks;
  Signal state = Signal.OPEN;
  List<? extends Number> sizes = List.of();
  Task current = new Task("none");

  @Derived
  int total() {
    return core + tasks;
  }

  void store(Task task, List<? extends Number> sizes) {
    current = task;
    this.sizes = sizes;
    core++;
  }

  @Background
  void compact() {}

  @Override
  public void close() throws IOException {
    state = Signal.SHUT;
  }
}
