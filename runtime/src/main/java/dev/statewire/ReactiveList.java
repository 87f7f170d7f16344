package dev.statewire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A {@link List} whose reads are tracked per index: a computed that reads {@code list.get(0)} is
 * invalidated only when the element at index 0 changes (a {@code set(0, ...)}, or an insertion or
 * removal at or before it), not by {@code list.add(x)} at the end.
 *
 * <p>What each read depends on:
 *
 * <ul>
 *   <li>{@code get(i)}: index {@code i} (also when it is out of range: the read re-runs when the
 *       list grows to include it);
 *   <li>{@code size}, {@code isEmpty}: the size;
 *   <li>everything else ({@code contains}, {@code indexOf}, iteration, {@code subList}, {@code
 *       toArray}, {@code equals}, {@code hashCode}, {@code toString}): the whole content.
 * </ul>
 *
 * <p>Setting an element {@code equals} to the current one is no change. {@link #iterator()},
 * {@link #listIterator()} and {@link #subList} work on <b>unmodifiable snapshots</b> taken at the
 * call (so no write can slip past the tracking, and iterating is safe while other threads
 * write); mutate through the list's own methods, which are all atomic under the context's lock
 * ({@code removeIf}, {@code replaceAll} and {@code sort} run their functions under it), each one
 * commit, or through {@link #mutate} for several changes as one commit. Every
 * read and write holds the context's lock; a write is one batch. Null elements are allowed.
 *
 * @param <E> the element type
 */
public final class ReactiveList<E> implements List<E>, RandomAccess {
  private final CollectionTracker tracker;
  private ArrayList<E> data = new ArrayList<>(); // guarded by the context's lock

  /** An empty list in {@link ReactiveContext#current()}. */
  public ReactiveList() {
    this(ReactiveContext.current());
  }

  /**
   * An empty list in the given context.
   *
   * @param context the context the list lives in
   */
  public ReactiveList(ReactiveContext context) {
    this.tracker =
        new CollectionTracker(Objects.requireNonNull(context, "context"), key -> (Integer) key < data.size());
  }

  /**
   * A list in {@link ReactiveContext#current()} holding the given elements.
   *
   * @param elements the first elements, in order
   */
  public ReactiveList(Collection<? extends E> elements) {
    this(ReactiveContext.current(), elements);
  }

  /**
   * A list in the given context holding the given elements.
   *
   * @param context the context the list lives in
   * @param elements the first elements, in order
   */
  public ReactiveList(ReactiveContext context, Collection<? extends E> elements) {
    this(context);
    Objects.requireNonNull(elements, "elements");
    data.addAll(elements);
  }

  /** The tracking state (for tests). */
  CollectionTracker tracker() {
    return tracker;
  }

  /** {@return the context this list lives in} */
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
  public E get(int index) {
    return tracker.read(
        () -> {
          tracker.trackKey(index);
          return data.get(index);
        });
  }

  @Override
  public boolean contains(Object o) {
    return snapshot().contains(o);
  }

  @Override
  public int indexOf(Object o) {
    return snapshot().indexOf(o);
  }

  @Override
  public int lastIndexOf(Object o) {
    return snapshot().lastIndexOf(o);
  }

  @Override
  public boolean containsAll(Collection<?> c) {
    return snapshot().containsAll(c);
  }

  @Override
  public Object[] toArray() {
    return snapshot().toArray();
  }

  @Override
  public <T> T[] toArray(T[] a) {
    return snapshot().toArray(a);
  }

  /** Iterates over an unmodifiable snapshot (tracked: the whole content). */
  @Override
  public Iterator<E> iterator() {
    return snapshot().iterator();
  }

  /** Iterates over an unmodifiable snapshot (tracked: the whole content). */
  @Override
  public ListIterator<E> listIterator() {
    return snapshot().listIterator();
  }

  /** Iterates over an unmodifiable snapshot (tracked: the whole content). */
  @Override
  public ListIterator<E> listIterator(int index) {
    return snapshot().listIterator(index);
  }

  /** An unmodifiable snapshot of the range (tracked: the whole content). */
  @Override
  public List<E> subList(int fromIndex, int toIndex) {
    return snapshot().subList(fromIndex, toIndex);
  }

  @Override
  public void forEach(Consumer<? super E> action) {
    snapshot().forEach(action);
  }

  /** {@return an unmodifiable copy of the current elements (tracked: the whole content)} */
  public List<E> snapshot() {
    return tracker.read(
        () -> {
          tracker.trackContent();
          return Collections.unmodifiableList(new ArrayList<>(data));
        });
  }

  @Override
  public E set(int index, E element) {
    return tracker.write(
        () -> {
          E old = data.get(index);
          if (!Objects.equals(old, element)) {
            tracker.contentChanged();
            tracker.keyChanged(index);
            data.set(index, element);
          }
          return old;
        });
  }

  @Override
  public boolean add(E element) {
    return tracker.write(
        () -> {
          int index = data.size();
          tracker.contentChanged();
          tracker.sizeChanged();
          tracker.keyChanged(index);
          data.add(element);
          return true;
        });
  }

  @Override
  public void add(int index, E element) {
    rewrite(
        next -> {
          next.add(index, element);
          return true;
        });
  }

  @Override
  public E remove(int index) {
    List<E> removed = new ArrayList<>(1);
    rewrite(next -> removed.add(next.remove(index)));
    return removed.get(0);
  }

  @Override
  public boolean remove(Object o) {
    return rewrite(next -> next.remove(o));
  }

  @Override
  public boolean addAll(Collection<? extends E> c) {
    return rewrite(next -> next.addAll(c));
  }

  @Override
  public boolean addAll(int index, Collection<? extends E> c) {
    return rewrite(next -> next.addAll(index, c));
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    return rewrite(next -> next.removeAll(c));
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    return rewrite(next -> next.retainAll(c));
  }

  @Override
  public boolean removeIf(Predicate<? super E> filter) {
    return rewrite(next -> next.removeIf(filter));
  }

  @Override
  public void replaceAll(UnaryOperator<E> operator) {
    rewrite(
        next -> {
          next.replaceAll(operator);
          return true;
        });
  }

  @Override
  public void sort(Comparator<? super E> c) {
    rewrite(
        next -> {
          next.sort(c);
          return true;
        });
  }

  /**
   * Applies {@code change} to a mutable copy of the elements and installs the result as one
   * commit: effects see the list before or after, never in between ({@code list.mutate(
   * Collections::reverse)}). If {@code change} throws, the list is unchanged. The copy is valid
   * only during the call; reads of it are not tracked.
   *
   * @param change the bulk change, applied to the copy
   */
  public void mutate(Consumer<? super List<E>> change) {
    Objects.requireNonNull(change, "change");
    rewrite(
        next -> {
          change.accept(next);
          return true;
        });
  }

  @Override
  public void clear() {
    rewrite(
        next -> {
          next.clear();
          return true;
        });
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof List<?> other && snapshot().equals(other));
  }

  @Override
  public int hashCode() {
    return snapshot().hashCode();
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }

  /**
   * Applies {@code change} to a copy of the elements, then notifies exactly the indexes whose
   * element differs (plus size and content), then installs the copy. The copy keeps a failing
   * {@code change} from leaving the list half-changed.
   */
  private boolean rewrite(Predicate<ArrayList<E>> change) {
    return tracker.write(
        () -> {
          ArrayList<E> next = new ArrayList<>(data);
          boolean result = change.test(next);
          ArrayList<E> before = data;
          int common = Math.min(before.size(), next.size());
          int firstDifference = 0;
          while (firstDifference < common
              && Objects.equals(before.get(firstDifference), next.get(firstDifference))) {
            firstDifference++;
          }
          if (firstDifference == common && before.size() == next.size()) {
            return result;
          }
          tracker.contentChanged();
          if (before.size() != next.size()) {
            tracker.sizeChanged();
          }
          int from = firstDifference;
          int end = Math.max(before.size(), next.size());
          tracker.keysChangedWhere(
              key -> {
                int index = (Integer) key;
                return index >= from
                    && index < end
                    && (index >= common || !Objects.equals(before.get(index), next.get(index)));
              });
          data = next;
          return result;
        });
  }
}
