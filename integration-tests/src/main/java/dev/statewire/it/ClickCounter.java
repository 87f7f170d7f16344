package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reflex's counter, smallest form: an action, a derived value and an effect (spy traces). */
@Reactive
public class ClickCounter {
  int count;

  /** What the effect rendered, for the tests (final: not state). */
  final List<String> rendered = new CopyOnWriteArrayList<>();

  @Derived
  int doubled() {
    return count * 2;
  }

  @Effect
  void render() {
    rendered.add(count + " x 2 = " + doubled());
  }

  public void increment() {
    count++;
  }

  public List<String> rendered() {
    return rendered;
  }
}
