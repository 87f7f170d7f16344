package dev.statewire;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The handle of one background task: its status, its outcome, and a way to wait for it or
 * cancel it. Cancelling interrupts the task's thread; {@link Statewire#sleep} and waits for a
 * lock then end the task with a {@link CancellationException}. A task cancelled before it
 * started ends at once: it never runs.
 */
public final class Task {
  private final String name;
  private final BackgroundTasks owner;
  private final TaskBody body;
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  /**
   * Changed only under this task's monitor, and read without it. The monitor guards the status
   * changes and {@link #thread}; nothing but {@link Thread#interrupt()} is called while it is
   * held, so it is never part of a lock cycle. What follows an ending (leaving the owner's set,
   * reporting a failure, completing {@link #completion()}) happens after it is released.
   */
  private volatile TaskStatus status = TaskStatus.SCHEDULED;
  private volatile Throwable failure;
  /** Guarded by this: the running thread, so that cancel() interrupts only this task. */
  private Thread thread;
  /** Guarded by this. */
  private boolean cancelRequested;

  Task(String name, BackgroundTasks owner, TaskBody body) {
    this.name = name;
    this.owner = owner;
    this.body = body;
  }

  /** {@return the task's name: the name of its {@code @Background} method} */
  public String name() {
    return name;
  }

  /** {@return the current status} */
  public TaskStatus status() {
    return status;
  }

  /** {@return whether the task has ended (completed, failed or cancelled)} */
  public boolean isDone() {
    return status.isDone();
  }

  /** {@return the exception the task failed with, or null} */
  public Throwable failure() {
    return failure;
  }

  /**
   * Completes when the task ends: normally if it completed, exceptionally with its failure or
   * a {@link CancellationException} otherwise.
   *
   * @return a stage that completes when the task ends
   */
  public CompletionStage<Void> completion() {
    return completion.minimalCompletionStage();
  }

  /**
   * Waits up to {@code timeout} for the task to end; returns whether it has.
   *
   * @param timeout how long to wait
   * @return whether the task ended in time
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean await(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    try {
      completion.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException | CancellationException e) {
      return true;
    }
    return true;
  }

  /**
   * Asks the task to stop: a task not started yet ends at once as {@link TaskStatus#CANCELLED}
   * and never runs; a running one is interrupted and ends as cancelled. Returns false if it had
   * already ended.
   *
   * @return whether this call cancelled the task (false if it had already ended)
   */
  public boolean cancel() {
    boolean endsNow;
    synchronized (this) {
      if (status.isDone()) {
        return false;
      }
      cancelRequested = true;
      endsNow = status == TaskStatus.SCHEDULED;
      if (endsNow) {
        status = TaskStatus.CANCELLED;
      } else if (thread != null) {
        thread.interrupt();
      }
    }
    if (endsNow) {
      ended(TaskStatus.CANCELLED, null);
    }
    return true;
  }

  /** Runs the body on the current (executor) thread, unless the task was cancelled first. */
  void run() {
    synchronized (this) {
      if (status != TaskStatus.SCHEDULED) {
        return;
      }
      thread = Thread.currentThread();
      status = TaskStatus.RUNNING;
    }
    TaskStatus outcome;
    Throwable error = null;
    try {
      SpyDispatcher spy = owner.context().spy;
      if (spy != null) {
        spy.taskStarted(this);
      }
      body.run();
      outcome = TaskStatus.COMPLETED;
    } catch (CancellationException | InterruptedException e) {
      outcome = TaskStatus.CANCELLED;
    } catch (Throwable e) {
      error = e;
      outcome = TaskStatus.FAILED;
    }
    synchronized (this) {
      thread = null;
      if (cancelRequested) {
        outcome = TaskStatus.CANCELLED;
        error = null;
      }
      // cancel() interrupts only while thread is set: clear what it left for the next task
      Thread.interrupted();
      failure = error;
      status = outcome;
    }
    ended(outcome, error);
  }

  /** The executor refused the task: it fails with {@code rejection}, unless it was cancelled. */
  void rejected(RejectedExecutionException rejection) {
    synchronized (this) {
      if (status != TaskStatus.SCHEDULED) {
        return;
      }
      failure = rejection;
      status = TaskStatus.FAILED;
    }
    ended(TaskStatus.FAILED, rejection);
  }

  /**
   * Waits up to {@code wait} in all for {@code tasks} to end, except one running on the calling
   * thread (it cannot end while its thread waits). Returns whether all others ended in time.
   */
  static boolean awaitAll(Task[] tasks, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    Thread self = Thread.currentThread();
    boolean allEnded = true;
    for (Task t : tasks) {
      if (t.runsOn(self)) {
        continue;
      }
      long left = deadline - System.nanoTime();
      try {
        allEnded &= t.await(Duration.ofNanos(Math.max(0, left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return allEnded;
  }

  private synchronized boolean runsOn(Thread t) {
    return thread == t;
  }

  /**
   * What follows the ending to {@code outcome}, once per task and outside its monitor: the task
   * leaves its owner's set, a failure is reported, then waiters wake.
   */
  private void ended(TaskStatus outcome, Throwable error) {
    owner.ended(this);
    try {
      SpyDispatcher spy = owner.context().spy;
      if (spy != null) {
        spy.taskEnded(this, outcome, error);
      }
    } finally {
      switch (outcome) {
        case COMPLETED:
          completion.complete(null);
          break;
        case CANCELLED:
          completion.completeExceptionally(new CancellationException("task '" + name + "' of "
              + owner.ownerName() + " was cancelled"));
          break;
        default:
          owner.reportFailure(this, error);
          completion.completeExceptionally(error);
      }
    }
  }

  @Override
  public String toString() {
    return "Task '" + name + "' of " + owner.ownerName() + " (" + status + ")";
  }
}
