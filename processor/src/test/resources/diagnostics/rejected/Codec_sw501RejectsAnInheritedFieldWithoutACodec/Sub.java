package test;

import dev.statewire.annotation.Reactive;

@Reactive(stored = true)
public class Sub extends Base { // [SW501] field payload of Base, inherited by Sub, has type java.lang.Object, which has no codec
  String name;
}
