package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
}