package dev.statewire;

/**
 * A participant in the transaction of a lock session ({@link ReactiveContext#join}); generated
 * state classes are participants. At the end of the outermost lock session the context calls
 * exactly one of {@link #commit()} and {@link #rollback()}, before any effect runs.
 */
public interface Transactional {
  /**
   * Called when the participant joins a session, before anything else: the place to check that
   * nothing changed its state behind the session's back (e.g. throw {@link
   * StateMutationException}). If it throws, the participant does not join.
   */
  default void begin() {}

  /** Publishes the changes made during the session (e.g. plain fields into their signals). */
  void commit();

  /** Discards the changes made during the session: an exception left the outermost block. */
  void rollback();
}
