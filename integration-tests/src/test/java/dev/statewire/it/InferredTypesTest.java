package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.Effect;
import dev.statewire.ReactiveContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Classes compiled together with the {@code @Reactive} classes whose generated types they
 * declare with {@code var} ({@link Tallies}, {@link Scoreboard}) compile and work.
 */
class InferredTypesTest {
  private final ReactiveContext context = ReactiveContext.create();

  @Test
  void aLockBlockOverAGeneratedInstanceDeclaredWithVarCommitsOnce() {
    try (var counter = Tallies.countedTwice(context)) {
      assertEquals(2, counter.getCount());
      assertEquals(List.of(0, 2), counter.countsLogged);
    }
  }

  @Test
  void aReactiveClassUsingVarForAnotherGeneratedTypeIsAnalysedPrecisely() {
    try (var scoreboard = Tallies.scoreboardOf(context, 2, 3)) {
      List<Integer> seen = new CopyOnWriteArrayList<>();
      try (var effect = context.effect(() -> seen.add(scoreboard.doubledTotal()))) {
        scoreboard.addCountedTo(4);
        scoreboard.reset();
      }
      assertEquals(List.of(10, 18, 0), seen);
      assertEquals(0, scoreboard.getTotal());
    }
  }
}
