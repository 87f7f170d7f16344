package test;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

@Reactive
public class UserView {
  long userId;
  String region = "eu";
  String shown = "";
  final Directory directory;

  public UserView(Directory directory) {
    this.directory = directory;
  }

  /** Async: loads the name of the selected user; reloads when userId or region changes. */
  @Derived
  public CompletionStage<String> userName() {
    return directory.lookup(region, userId);
  }

  /** Async, waterfall: waits for userName(), reloads when it changes. */
  @Derived
  CompletableFuture<Integer> nameLength() {
    return userName().thenApply(String::length).toCompletableFuture();
  }

  /** Sync, reads the async value as it stands. */
  @Derived
  String label() {
    return userName().toCompletableFuture().getNow("loading");
  }

  @Effect
  void show() {
    shown = label();
  }

  public void select(long id) {
    userId = id;
  }

  /** Where names come from. */
  public interface Directory {
    CompletionStage<String> lookup(String region, long id);
  }
}
