package test;

import dev.statewire.Cancellation;
import dev.statewire.ResourceSnapshot;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

@Reactive
public class Lookup {
  long id;

  @Derived
  CompletionStage<String> byName(String other) { // [SW301] has parameter other of type java.lang.String
    return CompletableFuture.completedFuture(other + id);
  }

  @Derived
  CompletionStage<String> twice(Cancellation first, Cancellation second) { // [SW301] takes a dev.statewire.Cancellation twice (second)
    return CompletableFuture.completedFuture("" + id);
  }

  @Derived
  CompletionStage<String> wrongSnapshot(ResourceSnapshot<Integer> previous) { // [SW301] has parameter previous of type dev.statewire.ResourceSnapshot<java.lang.Integer>
    return CompletableFuture.completedFuture("" + id);
  }

  @Derived
  String sync(Cancellation cancellation) { // [SW301] @Derived method sync(Cancellation) has parameters
    return "" + id;
  }
}
