package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chain of async derived values, each half the one before: {@code f = s}, {@code g = f / 2},
 * {@code h = g / 2}. Each load is logged, so tests can see which values reloaded.
 */
@Reactive
public class Halves {
  int s;
  final List<String> loads = new CopyOnWriteArrayList<>();

  @Derived
  public CompletionStage<Integer> f() {
    loads.add("f");
    return CompletableFuture.completedFuture(s);
  }

  @Derived
  public CompletionStage<Integer> g() {
    loads.add("g");
    return f().thenApply(value -> value / 2);
  }

  @Derived
  public CompletionStage<Integer> h() {
    loads.add("h");
    return g().thenApply(value -> value / 2);
  }

  public void setS(int s) {
    this.s = s;
  }

  /** The loads so far, in order, and forgets them. */
  public List<String> takeLoads() {
    List<String> taken = List.copyOf(loads);
    loads.clear();
    return taken;
  }
}
