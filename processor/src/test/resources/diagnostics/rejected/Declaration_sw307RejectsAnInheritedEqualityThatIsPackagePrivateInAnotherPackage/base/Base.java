package fixtures.base;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

@Reactive
public abstract class Base {
  protected String text = "";

  static boolean sameIgnoringCase(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  @Derived(equality = "sameIgnoringCase")
  public String title() {
    return text.trim();
  }
}
