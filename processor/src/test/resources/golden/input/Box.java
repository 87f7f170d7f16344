package test;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.List;

@Reactive
public class Box<T extends Comparable<T>> {
  T value;
  List<T> history = List.of();
  double weight;

  public Box(T value) {
    this.value = value;
  }

  public T get() {
    return value;
  }

  public void set(T value) {
    history = append(history, this.value);
    this.value = value;
  }

  @Derived
  public boolean grew() {
    return !history.isEmpty() && value.compareTo(history.get(history.size() - 1)) > 0;
  }

  public <R> R map(java.util.function.Function<? super T, R> fn) {
    return fn.apply(value);
  }

  /** An action declaring one checked exception: it runs untracked through a lambda. */
  public void clearFrom(java.io.Reader reader) throws java.io.IOException {
    reader.read();
    history = List.of();
  }

  /** Two checked exceptions cannot pass through one lambda: called directly. */
  public void clearChecked() throws java.io.IOException, java.util.concurrent.TimeoutException {
    history = List.of();
  }

  private static <T> List<T> append(List<T> list, T item) {
    java.util.ArrayList<T> copy = new java.util.ArrayList<>(list);
    copy.add(item);
    return List.copyOf(copy);
  }
}
