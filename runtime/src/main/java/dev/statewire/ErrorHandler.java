package dev.statewire;

/**
 * Receives failures that have no caller to throw to: an exception from an effect or a cleanup,
 * a background task's failure, a lock held too long.
 */
@FunctionalInterface
public interface ErrorHandler {
  /**
   * Handles one failure.
   *
   * @param source what failed, e.g. {@code "Effect 'render'"}
   * @param error what it threw
   */
  void handle(String source, Throwable error);
}
