package test;
@dev.statewire.annotation.Reactive
public class State {
  int visible;
  private int count; // [SW102] reactive field count of State is private
  private final int constant = 1;
  private static int shared;
}