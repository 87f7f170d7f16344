/**
 * The Statewire runtime: signals, computed values, effects, batches, contexts and locks.
 * Only {@code dev.statewire} is API; {@code dev.statewire.support} serves the classes the
 * processor generates; everything else is internal.
 */
module dev.statewire.runtime {
  exports dev.statewire;
  exports dev.statewire.support;
  exports dev.statewire.codec;
}
