package dev.statewire;

/** A node an {@link Ownership} closes besides effects: a {@link Resource} or an {@link EffectScope}. */
interface OwnedCloseable {
  /** Closes the node; idempotent, never throws a checked exception. */
  void close();
}
