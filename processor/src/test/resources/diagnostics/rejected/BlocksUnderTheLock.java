package fixtures;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;

@Reactive
public class BlocksUnderTheLock {
  int count;

  @Background
  void tick(Process process, ForkJoinTask<Integer> task, CompletableFuture<Integer> future)
      throws Exception {
    try (var self = Statewire.lock(this)) {
      process.waitFor(); // [SW403] method tick(Process
      count = task.join(); // [SW403] method tick(Process
      count += future.join(); // [SW403] method tick(Process
      count += future.get(); // [SW403] method tick(Process
      pause(); // [SW403] method tick(Process
    }
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(10);
  }
}
