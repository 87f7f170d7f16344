package test;
import dev.statewire.annotation.*;
@Reactive
public class State {
  int count;
  @Override public boolean equals(Object o) {
    return o instanceof State && ((State) o).count == count;
  }
  @Override public int hashCode() { return count; }
}