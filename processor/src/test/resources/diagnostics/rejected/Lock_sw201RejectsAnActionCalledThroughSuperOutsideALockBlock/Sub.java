package test;
import dev.statewire.annotation.*;
@Reactive
public class Sub extends Base {
  @Override void add() { count += 2; }
  @Background void tick() {
    add();
    super.add(); // [SW201] @Background method tick() calls add()
  }
}