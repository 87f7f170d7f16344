package dev.statewire.it;

import dev.statewire.annotation.Reactive;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * A field copied into another by actions that declare checked exceptions: one, or two (which a
 * lambda cannot pass on), so tests can see that both run untracked.
 */
@Reactive
public class Mirror {
  int source;
  int copy;

  public void setSource(int source) {
    this.source = source;
  }

  /** Reads {@code source}, writes {@code copy}; declares one checked exception. */
  public void copyOrFail() throws IOException {
    copy = source;
  }

  /** Reads {@code source}, writes {@code copy}; declares two checked exceptions. */
  public void copyOrTimeOut() throws IOException, TimeoutException {
    copy = source;
  }

  public int getCopy() {
    return copy;
  }
}
