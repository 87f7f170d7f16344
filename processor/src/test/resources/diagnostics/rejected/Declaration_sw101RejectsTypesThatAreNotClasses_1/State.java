package test;
@dev.statewire.annotation.Reactive
public interface State { @dev.statewire.annotation.Derived default int total() { return 1; } } // [SW101] @Reactive interface State cannot be reactive state: only a class can