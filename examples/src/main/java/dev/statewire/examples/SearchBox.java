package dev.statewire.examples;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.time.Duration;

/** A search box whose background tasks show the three policies of {@code @Background}. */
@Reactive
public class SearchBox {
  String results = "";
  int refreshes;
  int logged;

  @Effect
  void show() {
    System.out.println("results: " + results + " | refreshes: " + refreshes + " | logged: " + logged);
  }

  /** SUPERSEDE: a new query cancels the search still running for an older one. */
  @Background(Background.Policy.SUPERSEDE)
  void search(String query) {
    Statewire.sleep(Duration.ofMillis(100)); // the slow part, with the lock released
    Statewire.lock(this, () -> results = "'" + query + "'");
  }

  /** SKIP: a refresh asked for while one runs is dropped. */
  @Background(Background.Policy.SKIP)
  void refresh() {
    Statewire.sleep(Duration.ofMillis(100));
    Statewire.lock(this, () -> refreshes++);
  }

  /** PARALLEL, the default: every call is a task of its own. */
  @Background
  void log(String line) {
    Statewire.lock(this, () -> logged++);
  }
}
