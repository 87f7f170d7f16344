package dev.statewire.it;

import dev.statewire.Cancellation;
import dev.statewire.ResourceSnapshot;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.CompletionStage;

/** An async derived value that takes its load's cancellation and the previous snapshot. */
@Reactive
public class Finder {
  String query = "";
  final Search search;

  public Finder(Search search) {
    this.search = search;
  }

  @Derived
  public CompletionStage<String> result(
      ResourceSnapshot<String> previous, Cancellation cancellation) {
    return search.find(query, previous, cancellation);
  }

  public void search(String newQuery) {
    query = newQuery;
  }

  /** Where results come from: gets what the loader got. */
  public interface Search {
    CompletionStage<String> find(
        String query, ResourceSnapshot<String> previous, Cancellation cancellation);
  }
}
