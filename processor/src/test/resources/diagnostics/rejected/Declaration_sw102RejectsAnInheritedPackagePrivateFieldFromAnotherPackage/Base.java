package base;
@dev.statewire.annotation.Reactive
public abstract class Base {
  int hidden;
  protected int shown;
}