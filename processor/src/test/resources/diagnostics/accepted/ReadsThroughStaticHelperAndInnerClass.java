package fixtures;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;

/** Reads through a static helper of the class and an inner class are tracked: no warning. */
@Reactive
public class ReadsThroughStaticHelperAndInnerClass {
  String label = "";
  int count;

  @Derived
  String formatted() {
    return format(this);
  }

  @Derived
  String qualified() {
    return ReadsThroughStaticHelperAndInnerClass.format(this);
  }

  @Derived
  String labelled() {
    return new View().text();
  }

  static String format(ReadsThroughStaticHelperAndInnerClass state) {
    return state.label + "=" + state.count;
  }

  class View {
    String text() {
      return ReadsThroughStaticHelperAndInnerClass.this.label;
    }
  }
}
