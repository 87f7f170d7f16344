package com.example.counter;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.util.ArrayList;
import java.util.List;

/** The README's first @Reactive class, as a user would write it. */
@Reactive
public class Counter {
  int count;
  final List<Integer> printed = new ArrayList<>();

  public int getCount() {
    return count;
  }

  @Derived
  public int doubled() {
    return count * 2;
  }

  @Effect
  void print() {
    printed.add(count);
  }

  public void increment() {
    count++;
  }

  public static Counter create() {
    return new ReactiveCounter();
  }
}
