package dev.statewire;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * The background tasks of one state object (Reflex's {@code background_tasks}): starts them on
 * the context's executor under a {@link TaskPolicy}, keeps the set of those still running, and
 * cancels them all on {@link #close(Duration)}. Generated classes hold one.
 */
public final class BackgroundTasks {
  private final ReactiveContext context;
  private final String ownerName;
  /** Guarded by this. */
  private final Set<Task> running = new LinkedHashSet<>();
  private boolean closed;

  /**
   * @param context where tasks run (its executor) and failures go (its error handler)
   * @param ownerName the owning object, for messages, e.g. {@code "TaskState@1a2b"}
   */
  public BackgroundTasks(ReactiveContext context, String ownerName) {
    this.context = Objects.requireNonNull(context, "context");
    this.ownerName = Objects.requireNonNull(ownerName, "ownerName");
  }

  /**
   * Starts {@code body} as task {@code name} and returns at once. With {@link TaskPolicy#SKIP}
   * and a task of that name running, starts nothing and returns the running task; with {@link
   * TaskPolicy#SUPERSEDE}, cancels the running ones first.
   *
   * @throws ClosedException after {@link #close(Duration)}
   */
  public Task start(String name, TaskPolicy policy, TaskBody body) {
    Objects.requireNonNull(body, "body");
    Task task;
    synchronized (this) {
      if (closed) {
        throw new ClosedException(ownerName, "starting a background task");
      }
      for (Task t : running) {
        if (t.name().equals(name)) {
          if (policy == TaskPolicy.SKIP) {
            return t;
          }
          if (policy == TaskPolicy.SUPERSEDE) {
            t.cancel();
          }
        }
      }
      task = new Task(name, this, body);
      running.add(task);
    }
    try {
      context.executor().execute(task::run);
    } catch (RejectedExecutionException e) {
      task.finish(TaskStatus.FAILED, e);
    }
    return task;
  }

  /** The tasks that have not ended yet, in start order (a snapshot). */
  public synchronized Set<Task> running() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(running));
  }

  /** Cancels every running task. */
  public void cancelAll() {
    Task[] tasks;
    synchronized (this) {
      tasks = running.toArray(new Task[0]);
    }
    for (Task t : tasks) {
      t.cancel();
    }
  }

  /**
   * Refuses new tasks, cancels the running ones and waits up to {@code wait} for them to end.
   * Returns whether all ended in time. Idempotent.
   */
  public boolean close(Duration wait) {
    synchronized (this) {
      closed = true;
    }
    cancelAll();
    long deadline = System.nanoTime() + wait.toNanos();
    Task[] tasks;
    synchronized (this) {
      tasks = running.toArray(new Task[0]);
    }
    boolean interrupted = false;
    boolean allEnded = true;
    for (Task t : tasks) {
      long left = deadline - System.nanoTime();
      try {
        allEnded &= t.await(Duration.ofNanos(Math.max(0, left)));
      } catch (InterruptedException e) {
        interrupted = true;
        allEnded = false;
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return allEnded;
  }

  String ownerName() {
    return ownerName;
  }

  synchronized void ended(Task task) {
    running.remove(task);
  }

  void reportFailure(Task task, Throwable error) {
    context.reportError("task '" + task.name() + "' of " + ownerName, error);
  }
}
