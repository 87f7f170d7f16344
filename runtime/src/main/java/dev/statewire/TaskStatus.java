package dev.statewire;

/** Where a background task is in its life. */
public enum TaskStatus {
  /** Submitted, not started yet. */
  SCHEDULED,
  /** Running on an executor thread. */
  RUNNING,
  /** Returned normally. */
  COMPLETED,
  /** Threw an exception; see {@link Task#failure()}. */
  FAILED,
  /** Cancelled before it started, or ended by a {@link java.util.concurrent.CancellationException}. */
  CANCELLED;

  /** {@return whether the task has ended} */
  public boolean isDone() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
