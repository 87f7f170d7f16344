package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.ArrayList;
import java.util.List;

/** A generic state class. */
@Reactive
public class Box<T extends Comparable<T>> {
  T value;
  List<T> history = List.of();

  public Box(T value) {
    this.value = value;
  }

  public T get() {
    return value;
  }

  public void set(T value) {
    List<T> older = new ArrayList<>(history);
    older.add(this.value);
    history = List.copyOf(older);
    this.value = value;
  }

  @Derived
  public boolean grew() {
    return !history.isEmpty() && value.compareTo(history.get(history.size() - 1)) > 0;
  }

  public List<T> history() {
    return history;
  }
}
