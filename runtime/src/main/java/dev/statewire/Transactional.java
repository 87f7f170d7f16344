package dev.statewire;

/**
 * A participant in the transaction of a lock session ({@link ReactiveContext#join}); generated
 * state classes are participants. At the end of the outermost lock session the context calls
 * exactly one of the two methods, before any effect runs.
 */
public interface Transactional {
  /** Publishes the changes made during the session (e.g. plain fields into their signals). */
  void commit();

  /** Discards the changes made during the session: an exception left the outermost block. */
  void rollback();
}
