package test;
@dev.statewire.annotation.Reactive
public class State { // [SW101] @Reactive class State has no non-private constructor for the generated
  int count;
  private State() {}
}