package dev.statewire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link Set} whose reads are tracked per element: a computed that reads {@code
 * set.contains("a")} is invalidated only when "a" is added or removed.
 *
 * <p>What each read depends on: {@code contains}: that element's membership; {@code size},
 * {@code isEmpty}: the size; everything else (iteration, {@code containsAll}, {@code toArray},
 * {@code equals}, {@code hashCode}, {@code toString}): the whole content.
 *
 * <p>Elements iterate in insertion order. {@link #iterator()} works on an <b>unmodifiable
 * snapshot</b> taken at the call (so no removal can slip past the tracking, and iterating is
 * safe while other threads write); mutate through the set's own methods, which are all atomic
 * under the context's lock ({@code removeIf} runs its predicate under it), each one commit, or
 * through {@link #mutate} for several changes as one commit. Every read and write
 * holds the context's lock; a write is one batch. A null element is allowed.
 *
 * @param <E> the element type
 */
public final class ReactiveSet<E> implements Set<E> {
  private final CollectionTracker tracker;
  private final LinkedHashSet<E> data = new LinkedHashSet<>(); // guarded by the context's lock

  /** An empty set in {@link ReactiveContext#current()}. */
  public ReactiveSet() {
    this(ReactiveContext.current());
  }

  /**
   * An empty set in the given context.
   *
   * @param context the context the set lives in
   */
  public ReactiveSet(ReactiveContext context) {
    this.tracker =
        new CollectionTracker(Objects.requireNonNull(context, "context"), data::contains);
  }

  /**
   * A set in {@link ReactiveContext#current()} holding the given elements.
   *
   * @param elements the first elements
   */
  public ReactiveSet(Collection<? extends E> elements) {
    this(ReactiveContext.current(), elements);
  }

  /**
   * A set in the given context holding the given elements.
   *
   * @param context the context the set lives in
   * @param elements the first elements
   */
  public ReactiveSet(ReactiveContext context, Collection<? extends E> elements) {
    this(context);
    Objects.requireNonNull(elements, "elements");
    data.addAll(elements);
  }

  /** The tracking state (for tests). */
  CollectionTracker tracker() {
    return tracker;
  }

  /** {@return the context this set lives in} */
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
  public boolean contains(Object o) {
    return tracker.read(
        () -> {
          tracker.trackKey(o);
          return data.contains(o);
        });
  }

  @Override
  public boolean containsAll(Collection<?> c) {
    return snapshot().containsAll(c);
  }

  /** Iterates over an unmodifiable snapshot (tracked: the whole content). */
  @Override
  public Iterator<E> iterator() {
    return snapshot().iterator();
  }

  @Override
  public void forEach(Consumer<? super E> action) {
    snapshot().forEach(action);
  }

  @Override
  public Object[] toArray() {
    return snapshot().toArray();
  }

  @Override
  public <T> T[] toArray(T[] a) {
    return snapshot().toArray(a);
  }

  /** {@return an unmodifiable copy of the current elements (tracked: the whole content)} */
  public Set<E> snapshot() {
    return tracker.read(
        () -> {
          tracker.trackContent();
          return Collections.unmodifiableSet(new LinkedHashSet<>(data));
        });
  }

  @Override
  public boolean add(E e) {
    return tracker.write(() -> insert(e));
  }

  @Override
  public boolean remove(Object o) {
    return tracker.write(() -> delete(o));
  }

  @Override
  public boolean addAll(Collection<? extends E> c) {
    return tracker.write(
        () -> {
          boolean changed = false;
          for (E e : c) {
            changed |= insert(e);
          }
          return changed;
        });
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    return removeIf(c::contains);
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    return removeIf(e -> !c.contains(e));
  }

  @Override
  public boolean removeIf(Predicate<? super E> filter) {
    return tracker.write(
        () -> {
          List<E> doomed = new ArrayList<>();
          for (E e : data) {
            if (filter.test(e)) {
              doomed.add(e);
            }
          }
          doomed.forEach(this::delete);
          return !doomed.isEmpty();
        });
  }

  /**
   * Applies {@code change} to a mutable copy of the elements and installs the result as one
   * commit: effects see the set before or after, never in between. If {@code change} throws, the
   * set is unchanged. The copy is valid only during the call; reads of it are not tracked.
   *
   * @param change the bulk change, applied to the copy
   */
  public void mutate(Consumer<? super Set<E>> change) {
    Objects.requireNonNull(change, "change");
    tracker.write(
        () -> {
          LinkedHashSet<E> next = new LinkedHashSet<>(data);
          change.accept(next);
          for (Object e : new ArrayList<>(data)) {
            if (!next.contains(e)) {
              delete(e);
            }
          }
          next.forEach(this::insert);
          if (!new ArrayList<>(data).equals(new ArrayList<>(next))) {
            tracker.contentChanged(); // same elements, new order
            data.clear();
            data.addAll(next);
          }
          return null;
        });
  }

  @Override
  public void clear() {
    removeIf(e -> true);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Set<?> other && snapshot().equals(other));
  }

  @Override
  public int hashCode() {
    return snapshot().hashCode();
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }

  /** Write held. */
  private boolean insert(E e) {
    if (data.contains(e)) {
      return false;
    }
    tracker.contentChanged();
    tracker.sizeChanged();
    tracker.keyChanged(e);
    data.add(e);
    return true;
  }

  /** Write held. */
  private boolean delete(Object o) {
    if (!data.contains(o)) {
      return false;
    }
    tracker.contentChanged();
    tracker.sizeChanged();
    tracker.keyChanged(o);
    data.remove(o);
    return true;
  }
}
