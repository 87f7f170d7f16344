package dev.statewire.it;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;
import java.util.concurrent.atomic.AtomicInteger;

/** The README's search-box pattern reduced to its locking: each search supersedes the last. */
@Reactive
@SuppressWarnings("try") // the lock block's guard is never read
public class Searcher {
  int searches;
  int lastQuery = -1;
  /** Counts the lock blocks entered, independently of the reactive field. */
  final AtomicInteger entered = new AtomicInteger();

  public int searches() {
    return searches;
  }

  public int lastQuery() {
    return lastQuery;
  }

  public int entered() {
    return entered.get();
  }

  @Background(Background.Policy.SUPERSEDE)
  void search(int q) {
    try (var self = Statewire.lock(this)) {
      entered.incrementAndGet();
      searches++;
      lastQuery = q;
    }
  }
}
