package dev.statewire.it;

import dev.statewire.annotation.Reactive;

/** The base of a reactive class hierarchy. */
@Reactive
public class Animal {
  String name;
  /** Set by the constructor through an overridable method: a plain call before setup. */
  String greeting;

  public Animal(String name) {
    this.name = name;
    greet();
  }

  public String getName() {
    return name;
  }

  public void rename(String name) {
    this.name = name;
  }

  void greet() {
    greeting = "hello " + name;
  }

  public String greeting() {
    return greeting;
  }
}
