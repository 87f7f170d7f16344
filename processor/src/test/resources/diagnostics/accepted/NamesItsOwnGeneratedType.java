package fixtures;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.List;

/** The factory habit, a cast to the generated type, var and implicit lambda parameters. */
@Reactive
public class NamesItsOwnGeneratedType {
  int done;

  static NamesItsOwnGeneratedType create() {
    var made = new ReactiveNamesItsOwnGeneratedType();
    return made;
  }

  public int getDone() {
    return done;
  }

  @Derived
  int plus() {
    int[] n = {0};
    List.of(1, 2).forEach(v -> n[0] += v);
    return n[0] + done;
  }

  void restart() {
    ((ReactiveNamesItsOwnGeneratedType) this).startWork();
  }

  @Background
  void work() {
    try (var self = Statewire.lock(this)) {
      done++;
    }
  }
}
