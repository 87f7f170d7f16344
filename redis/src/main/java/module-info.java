/** State of Statewire contexts shared across JVMs on Redis, on the Lettuce client. */
module dev.statewire.redis {
  requires transitive dev.statewire.runtime;
  requires lettuce.core;

  exports dev.statewire.redis;
}
