package dev.statewire;

/**
 * A participant in the transaction of a lock session ({@link ReactiveContext#join}); generated
 * state classes are participants. At the end of the outermost lock session the context calls
 * {@link #commit()} on each participant, before any effect runs; if the session failed, or any
 * participant's commit throws, it calls {@link #rollback()} on every participant instead, and
 * nothing a commit handed over is published.
 */
public interface Transactional {
  /**
   * Called when the participant joins a session, before anything else: the place to check that
   * nothing changed its state behind the session's back (e.g. throw {@link
   * StateMutationException}). If it throws, the participant does not join.
   */
  default void begin() {}

  /**
   * Hands over the changes made during the session, each with {@link
   * ReactiveContext#commitWrite} (e.g. each plain field that changed, for its signal). It may
   * throw (a value's {@code equals}, say): then nothing is published and every participant
   * rolls back.
   */
  void commit();

  /**
   * {@return whether {@link #commit()} cannot throw short of a {@link VirtualMachineError}} A
   * participant whose commit only compares primitive values says so, and when it is the only
   * participant of a session (and no store or spy watches the commit), the context publishes
   * each write as it is handed over instead of collecting the writes first: there is no other
   * commit that could still fail and undo them. The default is false.
   */
  default boolean commitCannotFail() {
    return false;
  }

  /**
   * Discards the changes made during the session: an exception left the outermost block, or a
   * participant's commit failed. Must not fail.
   */
  void rollback();

  /**
   * {@return a snapshot of the uncommitted state, taken when a nested transactional scope (an action
   * inside another) starts; {@link #restore} goes back to it if that scope fails} The default
   * keeps nothing, so a failed nested scope keeps its writes.
   */
  default Object savepoint() {
    return null;
  }

  /**
   * Goes back to a {@link #savepoint()}: the nested scope that took it failed.
   *
   * @param savepoint what {@link #savepoint()} returned
   */
  default void restore(Object savepoint) {}
}
