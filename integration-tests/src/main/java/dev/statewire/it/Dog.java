package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** A reactive subclass of a reactive class: its derived values read inherited fields. */
@Reactive
public class Dog extends Animal {
  int tricks;
  final List<String> descriptions = new CopyOnWriteArrayList<>();

  public Dog(String name) {
    super(name);
  }

  public void learnTrick() {
    tricks++;
  }

  @Override
  public void rename(String name) {
    super.rename(name.toUpperCase(Locale.ROOT));
  }

  @Derived
  public String describe() {
    return name + " knows " + tricks + " tricks";
  }

  @Effect
  void record() {
    descriptions.add(describe());
  }

  public List<String> descriptions() {
    return descriptions;
  }
}
