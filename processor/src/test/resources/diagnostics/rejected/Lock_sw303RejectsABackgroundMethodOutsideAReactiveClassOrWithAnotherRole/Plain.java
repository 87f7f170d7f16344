package test;
import dev.statewire.annotation.*;
class Plain {
  @Background void tick() {} // [SW303] @Background method tick() is not in a @Reactive class
}