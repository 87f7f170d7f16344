/**
 * The Statewire runtime: signals, computed values, effects, batches, contexts and locks.
 * Only {@code dev.statewire} is API; everything else is internal.
 */
module dev.statewire.runtime {
  exports dev.statewire;
}
