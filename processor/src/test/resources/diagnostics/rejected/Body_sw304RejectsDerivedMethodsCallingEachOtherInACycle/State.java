package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  @Derived
  int a() { return b() + count; } // [SW304] @Derived methods call each other in a cycle: a() -> b() -> helper() ->
  @Derived
  int b() { return helper(); }
  private int helper() { return c(); }
  @Derived
  int c() { return a(); }
}