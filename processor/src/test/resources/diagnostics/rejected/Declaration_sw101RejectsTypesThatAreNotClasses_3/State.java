package test;
@dev.statewire.annotation.Reactive
public record State(int count) {} // [SW101] @Reactive record State cannot be reactive state: only a class can