package dev.statewire;

/**
 * Receives the events of a context, once {@linkplain ReactiveContext#spy attached}: Statewire's
 * counterpart of MobX's {@code spy} and Arez's spy, for logging, tracing and devtools.
 *
 * <p>It is called on the thread where the event happens, synchronously, in the order events
 * happen there; most events happen under the context's lock, so they are totally ordered
 * across threads (see {@link ReactiveContext#spy}). It should be quick and must not block on
 * another thread that needs the lock. Whatever it throws goes to the context's error handler;
 * the graph carries on.
 */
@FunctionalInterface
public interface SpyListener {
  /**
   * Handles one event.
   *
   * @param event what happened
   */
  void onEvent(SpyEvent event);
}
