package fixtures;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.function.Supplier;

@Reactive
public class HiddenReadsGoStale {
  String label = "";
  final Supplier<String> text = () -> label;

  @Derived
  String shown() {
    return text.get(); // [SW404] @Derived method shown() calls text.get(...)
  }

  @Derived
  String described() {
    return Describer.describe(this); // [SW404] @Derived method described() passes this to Describer.describe(...)
  }
}

class Describer {
  static String describe(HiddenReadsGoStale state) {
    return state.toString();
  }
}
