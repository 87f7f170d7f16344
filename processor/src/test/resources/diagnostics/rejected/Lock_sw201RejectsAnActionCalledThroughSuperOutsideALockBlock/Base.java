package test;
import dev.statewire.annotation.*;
@Reactive
public abstract class Base {
  int count;
  void add() { count++; }
}