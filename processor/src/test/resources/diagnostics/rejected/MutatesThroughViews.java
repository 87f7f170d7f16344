package fixtures;

import dev.statewire.annotation.Reactive;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

@Reactive
public class MutatesThroughViews {
  List<String> items = new ArrayList<>();

  void trim() {
    items.subList(0, 1).clear(); // [SW402] method trim() of MutatesThroughViews changes field items in place
  }

  void dropEmpty() {
    Iterator<String> it = items.iterator();
    while (it.hasNext()) {
      if (it.next().isEmpty()) {
        it.remove(); // [SW402] method dropEmpty() of MutatesThroughViews changes field items in place
      }
    }
  }
}
