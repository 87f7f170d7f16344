package dev.statewire;

/** The body of a background task; it may throw checked exceptions. */
@FunctionalInterface
public interface TaskBody {
  /**
   * Runs the task on the executor's thread.
   *
   * @throws Exception any failure; it ends the task as {@code FAILED}
   */
  void run() throws Exception;
}
