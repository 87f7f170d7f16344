package dev.statewire.it;

import dev.statewire.Computed;
import dev.statewire.LinkedSignal;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveList;
import dev.statewire.ReactiveMap;
import dev.statewire.ReactiveSet;
import dev.statewire.Signal;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.List;

/**
 * Runtime nodes of every kind in field initializers, a nested reactive object built in a field
 * initializer, and a constructor that may throw: all of them belong to the instance's context.
 */
@Reactive
@SuppressWarnings("this-escape") // this::firstSize runs only when the linked signal is read
public class Storefront {
  String name = "";
  final Signal<Integer> visits = Signal.of(0);
  final Computed<Integer> doubledVisits = Computed.of(() -> visits.get() * 2);
  final LinkedSignal<String> banner = LinkedSignal.of(() -> "welcome " + visits.get());
  final ReactiveList<String> items = new ReactiveList<>();
  final ReactiveMap<String, Integer> stock = new ReactiveMap<>();
  final ReactiveSet<String> tags = new ReactiveSet<>();
  final Shelf shelf = new ReactiveStorefront_Shelf();
  final ReactiveContext seenInConstructor;
  List<String> sizes = List.of("S", "M");
  final LinkedSignal<String> size = LinkedSignal.of(this::firstSize);

  public Storefront(String name) {
    seenInConstructor = ReactiveContext.current();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a storefront needs a name");
    }
    this.name = name;
    items.add(name);
    stock.put(name, 1);
    tags.add("open");
  }

  @Derived
  public int itemCount() {
    return items.size() + stock.size() + tags.size();
  }

  @Derived
  public String greeting() {
    return banner.get() + ", " + doubledVisits.get() + " at " + name;
  }

  public void rename(String newName) {
    name = newName;
  }

  public String firstSize() {
    return sizes.get(0);
  }

  public void offer(List<String> newSizes) {
    sizes = newSizes;
  }

  /** A reactive object a storefront builds while it is constructed. */
  @Reactive
  public static class Shelf {
    final ReactiveList<String> books = new ReactiveList<>();
    int capacity = 10;

    @Derived
    public int free() {
      return capacity - books.size();
    }
  }
}
