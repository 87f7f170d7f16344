package test;

import dev.statewire.Cancellation;
import dev.statewire.ReactiveList;
import dev.statewire.ResourceSnapshot;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;

/** Nodes in field initializers, custom equalities, an async value taking its load's context. */
@Reactive
public class Catalog {
  static final BiPredicate<String, String> SAME_IGNORING_CASE = String::equalsIgnoreCase;

  String query = "";
  int page;
  final ReactiveList<String> items = new ReactiveList<>();
  final Search search;

  public Catalog(Search search) {
    this.search = search;
  }

  static boolean sameTens(int a, int b) {
    return a / 10 == b / 10;
  }

  @Derived(equality = "SAME_IGNORING_CASE")
  String title() {
    return query.trim();
  }

  @Derived(equality = "sameTens")
  int bucket() {
    return page;
  }

  @Derived
  CompletionStage<String> results(Cancellation cancellation, ResourceSnapshot<String> previous) {
    return search.find(query, page, cancellation, previous.hasValue() ? previous.value() : "");
  }

  /** Where results come from. */
  public interface Search {
    CompletableFuture<String> find(String query, int page, Cancellation cancel, String before);
  }
}
