package dev.statewire.it;

import dev.statewire.annotation.Reactive;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * A field copied into another by actions that declare checked exceptions: one, or two (which a
 * lambda cannot pass on), so tests can see that both run untracked. They read the field through
 * its getter, a tracked read: inside an effect that runs them, it would be a dependency.
 */
@Reactive
public class Mirror {
  int source;
  int copy;

  public void setSource(int source) {
    this.source = source;
  }

  public int getSource() {
    return source;
  }

  /** Reads {@code source}, writes {@code copy}; declares one checked exception. */
  public void copyOrFail() throws IOException {
    copy = getSource();
  }

  /** Reads {@code source}, writes {@code copy}; declares two checked exceptions. */
  public void copyOrTimeOut() throws IOException, TimeoutException {
    copy = getSource();
  }

  public int getCopy() {
    return copy;
  }
}
