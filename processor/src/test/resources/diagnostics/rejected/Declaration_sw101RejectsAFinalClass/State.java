package test;
@dev.statewire.annotation.Reactive
public final class State { // [SW101] @Reactive class State is final
  int count;
}