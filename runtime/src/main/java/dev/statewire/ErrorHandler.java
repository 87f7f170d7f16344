package dev.statewire;

/**
 * Receives failures that have no caller to throw to: an exception from an effect or a cleanup,
 * a background task's failure, a lock held too long.
 *
 * <p>It runs untracked: what it reads becomes nobody's dependency. If it throws, that failure
 * (and the one it was handling) is logged to {@code System.Logger "dev.statewire"}, never handed
 * to the handler again, and the graph goes on.
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
