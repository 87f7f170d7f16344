package test;
public class Plain {
  int count;
  @dev.statewire.annotation.Derived
  int total() { return count; } // [SW301] @Derived method total() is not in a @Reactive class
}