package dev.statewire;

/** What an {@link Ownership} closes besides effects: a {@link Resource}, an {@link EffectScope}. */
interface OwnedCloseable {
  /** Closes the node; idempotent, never throws a checked exception. */
  void close();
}
