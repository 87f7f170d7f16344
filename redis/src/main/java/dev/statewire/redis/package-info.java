/**
 * State of Statewire contexts shared across JVMs on Redis: {@link
 * dev.statewire.redis.RedisStateStore}. A context from {@code store.context(key)} runs its lock
 * blocks and actions under a fenced Redis lease and commits each transaction to Redis
 * atomically; other JVMs bound to the same key apply those commits to their local copy.
 */
package dev.statewire.redis;
