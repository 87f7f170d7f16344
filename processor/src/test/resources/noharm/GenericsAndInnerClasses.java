package noharm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Generic methods, inner, local and anonymous classes, var everywhere. */
class GenericsAndInnerClasses<E extends Comparable<E>> {
  private final List<E> items = new ArrayList<>();
  int count;

  <R extends E> R add(R item) {
    items.add(item);
    count++;
    return item;
  }

  class Cursor {
    int at;

    E current() {
      return items.get(at);
    }

    void bump() {
      GenericsAndInnerClasses.this.count++;
    }
  }

  E max() {
    var sorted = new ArrayList<>(items);
    sorted.sort(Comparator.naturalOrder());
    class Last {
      E of(List<E> list) {
        return list.get(list.size() - 1);
      }
    }
    return new Last().of(sorted);
  }

  Supplier<Integer> counter() {
    return new Supplier<>() {
      int calls;

      @Override
      public Integer get() {
        return ++calls + count;
      }
    };
  }
}
