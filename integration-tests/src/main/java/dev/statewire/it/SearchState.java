package dev.statewire.it;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An effect that starts a background task: each change of {@code query} starts a search, which
 * writes {@code results} later. The effect depends on {@code query} only, not on what the task
 * reads or writes.
 */
@Reactive
public class SearchState {
  String query = "";
  String results = "";
  final AtomicInteger effectRuns = new AtomicInteger();

  public void setQuery(String query) {
    this.query = query;
  }

  public String results() {
    return results;
  }

  public int effectRuns() {
    return effectRuns.get();
  }

  @Effect
  void searchOnChange() {
    effectRuns.incrementAndGet();
    if (!query.isEmpty()) {
      search(query);
    }
  }

  @Background(Background.Policy.SUPERSEDE)
  void search(String text) {
    Statewire.sleep(Duration.ofMillis(20));
    Statewire.lock(this, () -> results = "results for " + text);
  }
}
