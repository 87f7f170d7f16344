package dev.statewire;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How a reactive collection tracks reads and notifies writes: a size version, a content version
 * (any change: what iteration, {@code equals} and views depend on) and one version per key
 * (element, index, map key) that some computed or effect read, plus, for maps, one per key whose
 * existence was asked about. Readers of one key are invalidated only by changes to that key.
 *
 * <p>Reads and writes go through {@link #read} and {@link #write}, which hold the context's lock
 * (it guards the collection's data and this table); effects run when the outermost lock session
 * ends, so they see a write whole. Writers bump versions <em>before</em> mutating, so a write
 * that is illegal (inside a computed evaluation) fails before it changes anything.
 *
 * <p>Per-key versions are created only by reads that are tracked (inside a computed or effect
 * run, {@link ReactiveContext#isTracking()}); other reads record nothing.
 * Versions of keys that are absent (removed, or probed but never present) are dropped by a
 * sweep at the end of a write once they outnumber the rest; the sweep bumps each one it drops,
 * so a reader that still cares re-runs and subscribes afresh. Nothing is ever missed: a
 * spurious re-run is the only cost.
 */
final class CollectionTracker {
  private static final int MIN_SWEEP_THRESHOLD = 64;

  private final ReactiveContext context;
  private final Predicate<Object> isPresent;
  private final Signal<Long> size;
  private final Signal<Long> content;
  private final Map<Object, Signal<Long>> keys = new HashMap<>();
  private int sweepThreshold = MIN_SWEEP_THRESHOLD;

  /**
   * @param isPresent whether a key currently exists in the collection (lock held)
   */
  CollectionTracker(ReactiveContext context, Predicate<Object> isPresent) {
    this.context = context;
    this.isPresent = isPresent;
    this.size = context.signal(0L);
    this.content = context.signal(0L);
  }

  ReactiveContext context() {
    return context;
  }

  /** Runs a read under the context's lock (a batch is a lock session). */
  <R> R read(Supplier<R> body) {
    if (context.isHeldByCurrentThread()) {
      return body.get();
    }
    return context.batch(body);
  }

  /** Runs a write under the context's lock: one lock session, so effects see it whole. */
  <R> R write(Supplier<R> body) {
    return context.batch(
        () -> {
          R result = body.get();
          if (keys.size() >= sweepThreshold) {
            sweepAbsentKeys();
          }
          return result;
        });
  }

  /** A tracked read of the size: {@code size} runs under the lock. */
  int size(IntSupplier size) {
    return read(() -> {
      trackSize();
      return size.getAsInt();
    });
  }

  void trackSize() {
    if (context.isTracking()) {
      size.get();
    }
  }

  void trackContent() {
    if (context.isTracking()) {
      content.get();
    }
  }

  void trackKey(Object key) {
    if (context.isTracking()) {
      keys.computeIfAbsent(key, k -> context.signal(0L)).get();
    }
  }

  /**
   * Like {@link #trackKey}, but for whether the key exists only ({@code containsKey}): not
   * invalidated when the key's value changes.
   */
  void trackPresence(Object key) {
    trackKey(new Presence(key));
  }

  void presenceChanged(Object key) {
    keyChanged(new Presence(key));
  }

  void sizeChanged() {
    bump(size);
  }

  void contentChanged() {
    bump(content);
  }

  void keyChanged(Object key) {
    Signal<Long> version = keys.get(key);
    if (version != null) {
      bump(version);
    }
  }

  void keysChangedWhere(Predicate<Object> affected) {
    for (Map.Entry<Object, Signal<Long>> slot : keys.entrySet()) {
      if (affected.test(slot.getKey())) {
        bump(slot.getValue());
      }
    }
  }

  /** How many per-key versions exist (for tests of the sweep). */
  int keyVersionCount() {
    return read(keys::size);
  }

  private void sweepAbsentKeys() {
    for (Iterator<Map.Entry<Object, Signal<Long>>> it = keys.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Object, Signal<Long>> slot = it.next();
      Object key = slot.getKey();
      if (!isPresent.test(key instanceof Presence presence ? presence.key() : key)) {
        bump(slot.getValue());
        it.remove();
      }
    }
    sweepThreshold = Math.max(MIN_SWEEP_THRESHOLD, 2 * keys.size());
  }

  private static void bump(Signal<Long> version) {
    version.set(version.peek() + 1);
  }

  /** The slot key for "does this key exist", distinct from the key's own (value) slot. */
  private record Presence(Object key) {}
}
