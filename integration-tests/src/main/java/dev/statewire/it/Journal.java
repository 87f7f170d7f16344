package dev.statewire.it;

import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A class with its own {@code close()} that writes a field and calls an action, and may fail
 * with a checked exception: the generated {@code close()} runs it first, while the instance is
 * still open.
 */
@Reactive
public class Journal implements java.io.Closeable {
  int entries;
  boolean finished;
  boolean failOnClose;
  final List<String> seen = new CopyOnWriteArrayList<>();

  public int entries() {
    return entries;
  }

  public boolean isFinished() {
    return finished;
  }

  public void add() {
    entries++;
  }

  public void failOnClose() {
    failOnClose = true;
  }

  @Effect
  void watch() {
    seen.add(entries + (finished ? " finished" : ""));
  }

  public List<String> seen() {
    return seen;
  }

  /** Adds a closing entry (an action) and marks the journal finished; fails if asked to. */
  @Override
  public void close() throws IOException {
    add();
    finished = true;
    if (failOnClose) {
      throw new IOException("disk full");
    }
  }
}
