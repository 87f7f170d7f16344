package fixtures;

import dev.statewire.annotation.Reactive;

@Reactive
public class WritesAnotherInstanceThroughAPrivateMethod {
  int count;

  void copyTo(WritesAnotherInstanceThroughAPrivateMethod peer) {
    peer.reset(); // [SW205] peer.reset() writes field count of another instance of @Reactive class
  }

  private void reset() {
    count = 0;
  }
}
