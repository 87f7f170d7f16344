package test;
@dev.statewire.annotation.Reactive
public enum State {} // [SW101] @Reactive enum State cannot be reactive state: only a class can