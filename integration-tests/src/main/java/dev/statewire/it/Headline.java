package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.function.BiPredicate;

/** {@code @Derived(equality = ...)} naming a static BiPredicate field and a static method. */
@Reactive
public class Headline {
  static final BiPredicate<String, String> SAME_IGNORING_CASE = String::equalsIgnoreCase;

  String text = "";
  int count;

  static boolean sameTens(int a, int b) {
    return a / 10 == b / 10;
  }

  @Derived(equality = "SAME_IGNORING_CASE")
  public String title() {
    return text.trim();
  }

  @Derived(equality = "sameTens")
  public int tens() {
    return count;
  }

  public void setText(String text) {
    this.text = text;
  }

  public void setCount(int count) {
    this.count = count;
  }
}
