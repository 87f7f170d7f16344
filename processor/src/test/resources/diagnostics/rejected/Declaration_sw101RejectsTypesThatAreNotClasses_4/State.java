package test;
@dev.statewire.annotation.Reactive
public @interface State {} // [SW101] @Reactive annotation type State cannot be reactive state: only a class