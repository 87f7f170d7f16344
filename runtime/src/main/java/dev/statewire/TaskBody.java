package dev.statewire;

/** The body of a background task; it may throw checked exceptions. */
@FunctionalInterface
public interface TaskBody {
  /** Runs the task on the executor's thread. */
  void run() throws Exception;
}
