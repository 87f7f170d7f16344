package test;
@dev.statewire.annotation.Reactive
public class Sub extends base.Base { // [SW102] reactive field hidden of Base is package-private in another package
  int own;
}