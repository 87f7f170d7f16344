package dev.statewire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * The background tasks of one state object (Reflex's {@code background_tasks}): starts them on
 * the context's executor under a {@link TaskPolicy}, keeps the set of those still running, and
 * cancels them all on {@link #close(Duration)}.
 *
 * <p>This object's monitor guards only the set and the closed flag: no task is cancelled,
 * started or completed while it is held, so it never takes part in a lock cycle with a task's
 * own monitor or the context lock. Generated classes hold one.
 */
public final class BackgroundTasks {
  private final ReactiveContext context;
  private final String ownerName;
  /** Guarded by this. */
  private final Set<Task> running = new LinkedHashSet<>();
  /** Guarded by this. */
  private boolean closed;

  /**
   * Creates the task set of one object.
   *
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
   * @param name the task's name, the name of its {@code @Background} method
   * @param policy what to do when a task of the same name is running
   * @param body the task's code
   * @return the new task, or the running one under {@code SKIP}
   */
  public Task start(String name, TaskPolicy policy, TaskBody body) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(body, "body");
    Task task;
    List<Task> superseded = null;
    synchronized (this) {
      if (closed) {
        throw new ClosedException(ownerName, "starting a background task");
      }
      if (policy != TaskPolicy.PARALLEL) {
        for (Task t : running) {
          if (t.name().equals(name)) {
            if (policy == TaskPolicy.SKIP) {
              return t;
            }
            if (superseded == null) {
              superseded = new ArrayList<>(1);
            }
            superseded.add(t);
          }
        }
      }
      task = new Task(name, this, body);
      running.add(task);
    }
    if (superseded != null) {
      for (Task t : superseded) {
        t.cancel();
      }
    }
    if (!context.admit(task)) {
      ended(task);
      throw new ClosedException(context.toString(), "starting task '" + name + "' of "
          + ownerName);
    }
    try {
      context.executor().execute(task::run);
    } catch (RejectedExecutionException e) {
      task.rejected(e); // cancelled instead if the context is closing
    }
    return task;
  }
  /** {@return the tasks that have not ended yet, in start order (a snapshot)} */
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
   * Returns whether all ended in time. Idempotent. Two waits are skipped, as they could never
   * end in time: for the task calling this (it closes its own object), and for every task if the
   * caller holds the context lock (inside an action or effect), as tasks may need the lock to end.
   *
   * @param wait how long to wait for the cancelled tasks to end
   * @return whether every task ended in time
   */
  public boolean close(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    Task[] tasks;
    synchronized (this) {
      closed = true;
      tasks = running.toArray(new Task[0]);
    }
    for (Task t : tasks) {
      t.cancel();
    }
    if (context.isHeldByCurrentThread()) {
      return running().isEmpty();
    }
    return Task.awaitAll(tasks, wait);
  }

  String ownerName() {
    return ownerName;
  }

  ReactiveContext context() {
    return context;
  }

  void ended(Task task) {
    synchronized (this) {
      running.remove(task);
    }
    context.taskEnded(task);
  }

  void reportFailure(Task task, Throwable error) {
    context.reportError("task '" + task.name() + "' of " + ownerName, error);
  }
}
