package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Async derived values: {@link #name()} returns a {@code CompletionStage}, so the generated class
 * keeps it in a {@code Resource} that reloads when {@code userId} changes; {@link #nameLength()}
 * waits for it (a waterfall); {@link #greeting()} and the effect {@link #render()} react to it.
 */
@Reactive
public class UserProfile {
  long userId;
  String salutation = "Hello";
  final Directory directory;
  final List<String> rendered = new CopyOnWriteArrayList<>();

  public UserProfile(Directory directory, long userId) {
    this.directory = directory;
    this.userId = userId;
  }

  /** The selected user's name, looked up in the directory. */
  @Derived
  public CompletionStage<String> name() {
    return directory.lookup(userId);
  }

  /** The length of the name, once it is known. */
  @Derived
  public CompletionStage<Integer> nameLength() {
    return name().thenApply(String::length);
  }

  /** The greeting for the name as it stands: {@code "..."} while it loads. */
  @Derived
  public String greeting() {
    CompletableFuture<String> name = name().toCompletableFuture();
    if (!name.isDone()) {
      return "...";
    }
    return name.isCompletedExceptionally() ? "(unknown)" : salutation + ", " + name.join();
  }

  @Effect
  void render() {
    rendered.add(greeting());
  }

  public long userId() {
    return userId;
  }

  public void select(long userId) {
    this.userId = userId;
  }

  public void setSalutation(String salutation) {
    this.salutation = salutation;
  }

  /** Every greeting the effect rendered, in order. */
  public List<String> rendered() {
    return List.copyOf(rendered);
  }
}
