package dev.statewire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A test's stand-in for a UI thread: tasks wait in a queue until the test runs them, on the
 * test's thread, so every interleaving is chosen by the test. It records whether the submitting
 * thread held {@code watched}'s lock, and can be told to reject tasks.
 */
final class ManualExecutor implements Executor {
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private ReactiveContext watched;
  private boolean rejecting;
  /** For each submission: whether the submitting thread held the watched context's lock. */
  final List<Boolean> submittedUnderLock = new ArrayList<>();

  /** Records, for each later submission, whether its thread held {@code context}'s lock. */
  ManualExecutor watching(ReactiveContext context) {
    this.watched = context;
    return this;
  }

  void reject(boolean reject) {
    this.rejecting = reject;
  }

  @Override
  public synchronized void execute(Runnable task) {
    if (watched != null) {
      submittedUnderLock.add(watched.isHeldByCurrentThread());
    }
    if (rejecting) {
      throw new RejectedExecutionException("the test's executor is rejecting");
    }
    tasks.add(task);
  }

  synchronized int queued() {
    return tasks.size();
  }

  /** Runs the queued tasks, and those they queue, until none is left; returns how many. */
  int runAll() {
    int n = 0;
    Runnable task;
    while ((task = poll()) != null) {
      task.run();
      n++;
    }
    return n;
  }

  private synchronized Runnable poll() {
    return tasks.poll();
  }
}
