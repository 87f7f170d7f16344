package fixtures;

import dev.statewire.annotation.Reactive;

@Reactive
public class WritesAnotherInstanceThroughAPrivateMethod {
  int count;

  void copyTo(WritesAnotherInstanceThroughAPrivateMethod peer) {
    peer.reset(); // [SW205] peer.reset() writes field count of another instance
  }

  private void reset() {
    count = 0;
  }
}
