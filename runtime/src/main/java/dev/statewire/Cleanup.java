package dev.statewire;

/**
 * Registers cleanup actions for the current run of an effect. They run, in registration order,
 * before the effect's next run and when it is closed.
 */
@FunctionalInterface
public interface Cleanup {
  /**
   * Adds {@code action} to the cleanups of the running effect.
   *
   * @param action runs before the effect's next run and when it is closed
   */
  void add(Runnable action);
}
