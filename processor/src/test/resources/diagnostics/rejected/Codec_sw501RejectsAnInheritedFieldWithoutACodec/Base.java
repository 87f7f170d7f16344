package test;

import dev.statewire.annotation.Reactive;

@Reactive
public abstract class Base {
  Object payload;
  int count;
}
