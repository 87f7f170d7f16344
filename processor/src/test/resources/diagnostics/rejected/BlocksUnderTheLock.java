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
      process.waitFor(); // [SW403] calls Process.waitFor inside a lock block
      count = task.join(); // [SW403] calls ForkJoinTask.join inside a lock block
      count += future.join(); // [SW403] calls CompletableFuture.join inside a lock block
      count += future.get(); // [SW403] calls CompletableFuture.get inside a lock block
      pause(); // [SW403] calls pause(), which blocks (pause() -> Thread.sleep(10))
    }
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(10);
  }
}
