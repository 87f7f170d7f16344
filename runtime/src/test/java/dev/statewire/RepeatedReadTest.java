package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.16: reading a dependency again in the same run costs O(1) (its stamp says it is
 * linked already), not a walk of the dependency list from its head; and once the stamps wrap
 * around, an equal stamp left from long ago is still confirmed.
 */
class RepeatedReadTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void readingEverySignalTwiceLinksEachOnceWithoutWalking() {
    List<Signal<Integer>> signals = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      signals.add(ctx.signal(i));
    }
    Computed<Long> sum = ctx.computed(() -> {
      long total = 0;
      for (int pass = 0; pass < 2; pass++) {
        for (Signal<Integer> s : signals) {
          total += s.get();
        }
      }
      return total;
    });

    assertEquals(2L * 19_999 * 20_000 / 2, sum.get());

    assertEquals(20_000, dependencies(sum));
    assertEquals(0, ctx.trackingWalkSteps, "a repeated read walked the dependency list");
    signals.get(7).set(-7);
    assertEquals(2L * 19_999 * 20_000 / 2 - 28, sum.get());
  }

  @Test
  void sortingSignalsInsideAComputedTracksEachOnce() {
    List<Signal<Integer>> signals = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      signals.add(ctx.signal((i * 7919) % 5_000));
    }
    Computed<Integer> smallest = ctx.computed(() -> {
      List<Signal<Integer>> sorted = new ArrayList<>(signals);
      sorted.sort(Comparator.comparing(Signal::get));
      return sorted.get(0).get();
    });

    assertEquals(0, smallest.get());
    assertEquals(5_000, dependencies(smallest));
    assertEquals(0, ctx.trackingWalkSteps);
    signals.get(1).set(-1);
    assertEquals(-1, smallest.get());
  }

  @Test
  void afterTheStampsWrapAroundAStaleEqualStampIsStillTracked() {
    Signal<Integer> s = ctx.signal(1);
    Computed<Integer> once = ctx.computed(s::get);
    ctx.trackStampCounter = -3;
    once.get(); // s.trackStamp = -2, the stamp of this run
    ctx.trackStampCounter = -3; // as if 2^32 runs later: the next run gets -2 again
    ctx.trackStampsWrapped = true;
    Computed<Integer> reader = ctx.computed(s::get);

    assertEquals(1, reader.get());
    s.set(2);

    assertEquals(2, reader.get(), "the read with a stale equal stamp was not tracked");
  }

  @Test
  void theStampCounterWrapsAroundToConfirmingMode() {
    ctx.trackStampCounter = -1;
    ctx.nextTrackStamp();

    assertEquals(true, ctx.trackStampsWrapped);
  }

  private static int dependencies(Subscriber sub) {
    int n = 0;
    for (Link l = sub.deps; l != null; l = l.nextDep) {
      n++;
    }
    return n;
  }
}
