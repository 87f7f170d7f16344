package dev.statewire;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The handle of one background task: its status, its outcome, and a way to wait for it or
 * cancel it. Cancelling interrupts the task's thread; {@link Statewire#sleep} and waits for a
 * lock then end the task with a {@link CancellationException}.
 */
public final class Task {
  private final String name;
  private final BackgroundTasks owner;
  private final TaskBody body;
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private volatile TaskStatus status = TaskStatus.SCHEDULED;
  private volatile Throwable failure;
  /** Guarded by this: the running thread, so that cancel() interrupts only this task. */
  private Thread thread;
  private boolean cancelRequested;

  Task(String name, BackgroundTasks owner, TaskBody body) {
    this.name = name;
    this.owner = owner;
    this.body = body;
  }

  /** The task's name: the name of its {@code @Background} method. */
  public String name() {
    return name;
  }

  /** The current status. */
  public TaskStatus status() {
    return status;
  }

  /** Whether the task has ended (completed, failed or cancelled). */
  public boolean isDone() {
    return status.isDone();
  }

  /** The exception the task failed with, or null. */
  public Throwable failure() {
    return failure;
  }

  /**
   * Completes when the task ends: normally if it completed, exceptionally with its failure or
   * a {@link CancellationException} otherwise.
   */
  public CompletionStage<Void> completion() {
    return completion.minimalCompletionStage();
  }

  /** Waits up to {@code timeout} for the task to end; returns whether it has. */
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
   * Asks the task to stop: a task not started yet never runs; a running one is interrupted.
   * Returns false if it had already ended.
   */
  public boolean cancel() {
    synchronized (this) {
      if (status.isDone()) {
        return false;
      }
      cancelRequested = true;
      if (thread != null) {
        thread.interrupt();
      }
    }
    return true;
  }

  /** Runs the body on the current (executor) thread. */
  void run() {
    synchronized (this) {
      if (cancelRequested) {
        finish(TaskStatus.CANCELLED, null);
        return;
      }
      thread = Thread.currentThread();
      status = TaskStatus.RUNNING;
    }
    TaskStatus outcome;
    Throwable error = null;
    try {
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
      }
      // cancel() interrupts only while thread is set: clear what it left for the next task
      Thread.interrupted();
    }
    finish(outcome, error);
  }

  /** Ends the task with {@code outcome}; called once. Failures are reported before waiters wake. */
  void finish(TaskStatus outcome, Throwable error) {
    status = outcome;
    owner.ended(this);
    switch (outcome) {
      case COMPLETED:
        completion.complete(null);
        break;
      case CANCELLED:
        completion.completeExceptionally(new CancellationException("task '" + name + "' of "
            + owner.ownerName() + " was cancelled"));
        break;
      default:
        failure = error;
        owner.reportFailure(this, error);
        completion.completeExceptionally(error);
    }
  }

  @Override
  public String toString() {
    return "Task '" + name + "' of " + owner.ownerName() + " (" + status + ")";
  }
}
