package dev.statewire.it;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Background tasks for the policies, cancellation, lock timeouts and failing lock blocks. */
@Reactive
@SuppressWarnings("try") // the lock block's guard is never read
public class Worker {
  int runs;
  int committed;
  int pending;

  public int runs() {
    return runs;
  }

  public int committed() {
    return committed;
  }

  public int pending() {
    return pending;
  }

  /** Counts a run, then waits for {@code release}; a checked exception is allowed. */
  @Background
  public void parallel(CountDownLatch release) throws InterruptedException {
    Statewire.lock(this, () -> runs++);
    release.await();
  }

  @Background(Background.Policy.SKIP)
  public void skipping(CountDownLatch release) throws InterruptedException {
    Statewire.lock(this, () -> runs++);
    release.await();
  }

  @Background(Background.Policy.SUPERSEDE)
  public void superseding(CountDownLatch release) throws InterruptedException {
    Statewire.lock(this, () -> runs++);
    release.await();
  }

  /** Sleeps in a loop until cancelled. */
  @Background
  public void nap(Duration each) {
    while (true) {
      Statewire.sleep(each);
    }
  }

  /** One lock block that waits at most {@code timeout} for the lock. */
  @Background
  public void timed(Duration timeout) {
    try (var self = Statewire.lock(this, timeout)) {
      runs++;
    }
  }

  /**
   * Commits one block, then fails inside a lambda-form block after writing two fields: that
   * block is rolled back, the first one stays.
   */
  @Background
  public void failInLambdaBlock() {
    try (var self = Statewire.lock(this)) {
      committed++;
    }
    Statewire.lock(this, () -> {
      committed = 100;
      pending = 7;
      throw new IllegalStateException("failed inside the lock block");
    });
  }

  /** Fails inside a try-with-resources block: the lock is released, what it wrote committed. */
  @Background
  public void failInTryBlock() {
    try (var self = Statewire.lock(this)) {
      pending++;
      if (pending > 0) {
        throw new IllegalStateException("failed inside the lock block");
      }
    }
  }
}
