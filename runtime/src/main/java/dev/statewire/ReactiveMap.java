package dev.statewire;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link Map} whose reads are tracked per key: a computed that reads {@code map.get("a")} is
 * invalidated by a change to "a" only, not by {@code map.put("b", ...)}.
 *
 * <p>What each read depends on:
 *
 * <ul>
 *   <li>{@code get}, {@code getOrDefault}: that key (its value, or its absence);
 *   <li>{@code containsKey}: whether that key exists (not its value);
 *   <li>{@code size}, {@code isEmpty}: the size;
 *   <li>everything else ({@code containsValue}, {@code forEach}, views, {@code equals}, {@code
 *       hashCode}, {@code toString}): the whole content.
 * </ul>
 *
 * <p>A put of a value {@code equals} to the current one is no change. Keys iterate in insertion
 * order. {@link #keySet()}, {@link #values()} and {@link #entrySet()} return <b>unmodifiable
 * snapshots</b> taken at the call (so no write can slip past the tracking, and iterating is safe
 * while other threads write); mutate through the map's own methods, which are all atomic under
 * the context's lock (the functions given to {@code compute}, {@code merge}, ... run under it),
 * each one commit, or through {@link #mutate} for several changes as one commit.
 * Every read and write holds the context's lock; a write is one batch. Null keys and values are
 * allowed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ReactiveMap<K, V> implements Map<K, V> {
  private final CollectionTracker tracker;
  private final LinkedHashMap<K, V> data = new LinkedHashMap<>(); // guarded by the context's lock

  /** An empty map in {@link ReactiveContext#current()}. */
  public ReactiveMap() {
    this(ReactiveContext.current());
  }

  /**
   * An empty map in the given context.
   *
   * @param context the context the map lives in
   */
  public ReactiveMap(ReactiveContext context) {
    this.tracker =
        new CollectionTracker(Objects.requireNonNull(context, "context"), data::containsKey);
  }

  /**
   * A map in {@link ReactiveContext#current()} holding the given entries.
   *
   * @param entries the first entries
   */
  public ReactiveMap(Map<? extends K, ? extends V> entries) {
    this(ReactiveContext.current(), entries);
  }

  /**
   * A map in the given context holding the given entries.
   *
   * @param context the context the map lives in
   * @param entries the first entries
   */
  public ReactiveMap(ReactiveContext context, Map<? extends K, ? extends V> entries) {
    this(context);
    Objects.requireNonNull(entries, "entries");
    data.putAll(entries);
  }

  /** The tracking state (for tests). */
  CollectionTracker tracker() {
    return tracker;
  }

  /** {@return the context this map lives in} */
  public ReactiveContext context() {
    return tracker.context();
  }

  @Override
  public int size() {
    return tracker.size(data::size);
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return tracker.read(
        () -> {
          tracker.trackPresence(key);
          return data.containsKey(key);
        });
  }

  @Override
  public V get(Object key) {
    return tracker.read(
        () -> {
          tracker.trackKey(key);
          return data.get(key);
        });
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    return tracker.read(
        () -> {
          tracker.trackKey(key);
          return data.getOrDefault(key, defaultValue);
        });
  }

  @Override
  public boolean containsValue(Object value) {
    return tracker.read(
        () -> {
          tracker.trackContent();
          return data.containsValue(value);
        });
  }

  @Override
  public V put(K key, V value) {
    return tracker.write(() -> store(key, value));
  }

  @Override
  public V remove(Object key) {
    return tracker.write(() -> delete(key));
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    tracker.write(
        () -> {
          entries.forEach(this::store);
          return null;
        });
  }

  @Override
  public void clear() {
    tracker.write(
        () -> {
          new ArrayList<>(data.keySet()).forEach(this::delete);
          return null;
        });
  }

  @Override
  public V putIfAbsent(K key, V value) {
    return tracker.write(
        () -> {
          V current = data.get(key);
          return current == null ? store(key, value) : current;
        });
  }

  @Override
  public boolean remove(Object key, Object value) {
    return tracker.write(
        () -> {
          if (data.containsKey(key) && Objects.equals(data.get(key), value)) {
            delete(key);
            return true;
          }
          return false;
        });
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    return tracker.write(
        () -> {
          if (data.containsKey(key) && Objects.equals(data.get(key), oldValue)) {
            store(key, newValue);
            return true;
          }
          return false;
        });
  }

  @Override
  public V replace(K key, V value) {
    return tracker.write(() -> data.containsKey(key) ? store(key, value) : null);
  }

  @Override
  public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
    return tracker.write(
        () -> {
          V current = data.get(key);
          if (current != null) {
            return current;
          }
          V computed = mappingFunction.apply(key);
          if (computed != null) {
            store(key, computed);
          }
          return computed;
        });
  }

  @Override
  public V computeIfPresent(
      K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    return tracker.write(
        () -> {
          V current = data.get(key);
          return current == null ? null : storeOrDelete(key, remappingFunction.apply(key, current));
        });
  }

  @Override
  public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    return tracker.write(() -> storeOrDelete(key, remappingFunction.apply(key, data.get(key))));
  }

  @Override
  public V merge(
      K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
    Objects.requireNonNull(value, "value");
    return tracker.write(
        () -> {
          V current = data.get(key);
          return storeOrDelete(
              key, current == null ? value : remappingFunction.apply(current, value));
        });
  }

  @Override
  public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
    tracker.write(
        () -> {
          for (Map.Entry<K, V> entry : new ArrayList<>(data.entrySet())) {
            store(entry.getKey(), function.apply(entry.getKey(), entry.getValue()));
          }
          return null;
        });
  }

  /**
   * Applies {@code change} to a mutable copy of the entries and installs the result as one
   * commit: effects see the map before or after, never in between, and each key's readers are
   * notified only if its value changed. If {@code change} throws, the map is unchanged. The copy
   * is valid only during the call; reads of it are not tracked.
   *
   * @param change the bulk change, applied to the copy
   */
  public void mutate(Consumer<? super Map<K, V>> change) {
    Objects.requireNonNull(change, "change");
    tracker.write(
        () -> {
          LinkedHashMap<K, V> next = new LinkedHashMap<>(data);
          change.accept(next);
          for (Object key : new ArrayList<>(data.keySet())) {
            if (!next.containsKey(key)) {
              delete(key);
            }
          }
          next.forEach(this::store);
          if (!new ArrayList<>(data.keySet()).equals(new ArrayList<>(next.keySet()))) {
            tracker.contentChanged(); // same entries, new order
            data.clear();
            data.putAll(next);
          }
          return null;
        });
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    entrySnapshot().forEach(entry -> action.accept(entry.getKey(), entry.getValue()));
  }

  /** An unmodifiable snapshot of the keys, in insertion order (tracked: the whole content). */
  @Override
  public Set<K> keySet() {
    return tracker.read(
        () -> {
          tracker.trackContent();
          return Collections.unmodifiableSet(new LinkedHashSet<>(data.keySet()));
        });
  }

  /** An unmodifiable snapshot of the values, in key order (tracked: the whole content). */
  @Override
  public Collection<V> values() {
    return tracker.read(
        () -> {
          tracker.trackContent();
          return Collections.unmodifiableList(new ArrayList<>(data.values()));
        });
  }

  /** An unmodifiable snapshot of immutable entries (tracked: the whole content). */
  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(entrySnapshot()));
  }

  /** {@return a plain copy of the current content (tracked: the whole content)} */
  public Map<K, V> snapshot() {
    return tracker.read(
        () -> {
          tracker.trackContent();
          return new LinkedHashMap<>(data);
        });
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Map<?, ?> other && snapshot().equals(other));
  }

  @Override
  public int hashCode() {
    return snapshot().hashCode();
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }

  private List<Map.Entry<K, V>> entrySnapshot() {
    return tracker.read(
        () -> {
          tracker.trackContent();
          List<Map.Entry<K, V>> entries = new ArrayList<>(data.size());
          data.forEach((k, v) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
          return entries;
        });
  }

  /** Write held. Puts; notifies the key (and size, content) if anything changed. */
  private V store(K key, V value) {
    boolean present = data.containsKey(key);
    V old = data.get(key);
    if (present && Objects.equals(old, value)) {
      return old;
    }
    tracker.contentChanged();
    tracker.keyChanged(key);
    if (!present) {
      tracker.presenceChanged(key);
      tracker.sizeChanged();
    }
    data.put(key, value);
    return old;
  }

  /** Write held. Removes; notifies the key, size and content if it was present. */
  private V delete(Object key) {
    if (!data.containsKey(key)) {
      return null;
    }
    tracker.contentChanged();
    tracker.keyChanged(key);
    tracker.presenceChanged(key);
    tracker.sizeChanged();
    return data.remove(key);
  }

  private V storeOrDelete(K key, V value) {
    if (value == null) {
      delete(key);
    } else {
      store(key, value);
    }
    return value;
  }
}
