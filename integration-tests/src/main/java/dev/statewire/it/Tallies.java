package dev.statewire.it;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;

/**
 * A plain class declaring the generated classes of this module with {@code var}, compiled in the
 * same compilation as the {@code @Reactive} classes they are generated from.
 */
public final class Tallies {
  private Tallies() {}

  /** A counter in {@code context}, incremented twice in one lock block: one commit. */
  public static ReactiveCounter countedTwice(ReactiveContext context) {
    var counter = new ReactiveCounter(context);
    try (var guard = Statewire.lock(counter)) {
      counter.increment();
      counter.increment();
    }
    return counter;
  }

  /** A scoreboard in {@code context} holding the sum of counters run to each of {@code steps}. */
  public static ReactiveScoreboard scoreboardOf(ReactiveContext context, int... steps) {
    var scoreboard = new ReactiveScoreboard(context);
    for (var times : steps) {
      scoreboard.addCountedTo(times);
    }
    return scoreboard;
  }
}
