package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The two kinds of edges: an unwatched computed's edges are plain {@link Link}s, which become
 * {@link WatchedLink}s when an effect starts depending on it (one first computed for an effect
 * creates watched edges at once); a node's subscriber list has no
 * tail pointer (its first edge's {@code prevSub} is the last).
 */
class WatchedLinkTest {
  private final List<Throwable> reported = new ArrayList<>();
  private final ReactiveContext ctx =
      ReactiveContext.builder().errorHandler((source, error) -> reported.add(error))
          .lockHoldThreshold(Duration.ZERO) // a loaded machine may hold the lock long
          .build();

  @Test
  void anUnwatchedComputedsEdgesAreReplacedWhenAnEffectWatchesIt() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> b = ctx.signal(2);
    Computed<Integer> sum = ctx.computed(() -> a.get() + b.get());
    assertEquals(3, sum.get());
    for (Link link = sum.deps; link != null; link = link.nextDep) {
      assertEquals(Link.class, link.getClass(), "unwatched: plain edges");
    }
    List<Integer> seen = new ArrayList<>();
    Effect effect = ctx.effect(() -> seen.add(sum.get()));
    for (Link link = sum.deps; link != null; link = link.nextDep) {
      WatchedLink watched = assertInstanceOf(WatchedLink.class, link);
      assertSame(sum, watched.sub);
    }
    a.set(10);
    b.set(20);
    assertEquals(List.of(3, 12, 30), seen);
    effect.close();
    assertNull(a.subs, "the closed effect's computed let go of its sources");
    assertNull(b.subs);
    a.set(0);
    assertEquals(20, sum.get(), "the unwatched computed polls again");
  }

  @Test
  void subscriberListsStayConsistentWhateverOrderEdgesLeaveIn() {
    Signal<Integer> source = ctx.signal(0);
    List<Effect> effects = new ArrayList<>();
    int[] runs = new int[5];
    for (int i = 0; i < 5; i++) {
      int index = i;
      effects.add(ctx.effect(() -> {
        source.get();
        runs[index]++;
      }));
    }
    int[] closing = {2, 4, 0, 3, 1}; // middle, last, first, then the rest
    for (int n = 0; n < closing.length; n++) {
      effects.get(closing[n]).close();
      source.set(n + 1);
      int listed = 0;
      WatchedLink last = null;
      for (WatchedLink link = source.subs; link != null; link = link.nextSub) {
        listed++;
        last = link;
      }
      assertEquals(4 - n, listed);
      if (last != null) {
        assertSame(last, source.subs.prevSub, "the first edge's prevSub is the last");
      }
    }
    assertNull(source.subs);
    // each effect ran once at creation, then after each write made while it was open
    assertArrayEquals(new int[] {3, 5, 1, 4, 2}, runs);
  }

  /**
   * A watched computed {@code r} that meets a cycle through {@code c} while {@code c} is being
   * computed for the first time makes {@code c} watched in the middle of its run: c's edges are
   * replaced while c is still tracking, and its run must go on along the new ones.
   */
  @Test
  void aComputedWatchedWhileItRunsKeepsTrackingItsNewEdges() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Boolean> toggle = ctx.signal(false);
    AtomicReference<Computed<Integer>> cRef = new AtomicReference<>();
    Computed<Integer> r = ctx.computed(() -> toggle.get() ? cRef.get().get() : 0);
    Computed<Integer> c = ctx.computed(() -> a.get() + r.get());
    cRef.set(c);
    List<Object> seen = new ArrayList<>();
    ctx.effect(() -> {
      try {
        seen.add(r.get());
      } catch (CycleException e) {
        seen.add("cycle");
      }
    });
    ctx.batch(() -> {
      toggle.set(true); // r is DIRTY now; c was never computed
      assertThrows(CycleException.class, c::get);
    });
    assertEquals(List.of(0, "cycle"), seen);
    assertInstanceOf(WatchedLink.class, c.deps, "c is watched: r depends on it");
    int edges = 0;
    for (Link link = c.deps; link != null; link = link.nextDep) {
      assertInstanceOf(WatchedLink.class, link);
      edges++;
    }
    assertEquals(2, edges, "c read a and r once each");
    toggle.set(false); // the cycle is broken: r no longer reads c, so c is unwatched again
    assertEquals(List.of(0, "cycle", 0), seen);
    assertEquals(1, c.get());
    a.set(5);
    assertEquals(5, c.get());
    assertEquals(List.of(), reported);
  }

  /** A computed first read by an effect joins its sources at once, with watched edges only. */
  @Test
  void aNewComputedReadByAnEffectIsWatchedFromItsFirstRun() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> b = ctx.signal(2);
    Computed<Integer> sum = ctx.computed(() -> a.get() + b.get());
    Computed<Integer> twice = ctx.computed(() -> 2 * sum.get());
    List<Integer> seen = new ArrayList<>();
    Effect effect = ctx.effect(() -> seen.add(twice.get()));
    for (Computed<Integer> c : List.of(sum, twice)) {
      for (Link link = c.deps; link != null; link = link.nextDep) {
        WatchedLink watched = assertInstanceOf(WatchedLink.class, link);
        assertSame(c, watched.sub);
      }
    }
    assertEquals(List.of(sum), a.subscribers());
    assertEquals(List.of(sum), b.subscribers());
    assertEquals(List.of(twice), sum.subscribers());
    assertEquals(List.of(effect), twice.subscribers());
    a.set(10);
    assertEquals(List.of(6, 24), seen);
    effect.close();
    assertNull(a.subs, "closing the effect unwatched both computeds");
    assertNull(b.subs);
    assertNull(sum.subs);
    a.set(0);
    assertEquals(4, twice.get(), "the unwatched computeds poll again");
    assertEquals(List.of(), reported);
  }

  /**
   * A first run under an effect that a {@link VirtualMachineError} aborts leaves the computed
   * unlinked: it is not watched, and its sources do not hold it, though the sources it read
   * before failing were linked as it read them.
   */
  @Test
  void aFirstRunAbortedUnderAnEffectLeavesNothingSubscribed() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Boolean> fail = ctx.signal(true);
    Computed<Integer> inner = ctx.computed(() -> a.get() + 1);
    Computed<Integer> outer = ctx.computed(() -> {
      int value = inner.get();
      if (fail.get()) {
        throw new OutOfMemoryError("simulated");
      }
      return value;
    });
    assertThrows(OutOfMemoryError.class, () -> ctx.effect(outer::get));
    assertEquals(List.of(), a.subscribers());
    assertEquals(List.of(), fail.subscribers());
    assertEquals(List.of(), inner.subscribers());
    assertEquals(0, outer.flags & Node.WATCHED);
    assertEquals(0, inner.flags & Node.WATCHED);
    fail.set(false);
    List<Integer> seen = new ArrayList<>();
    Effect effect = ctx.effect(() -> seen.add(outer.get()));
    a.set(5);
    assertEquals(List.of(2, 6), seen);
    assertEquals(List.of(effect), outer.subscribers());
    assertEquals(List.of(), reported);
  }
}
