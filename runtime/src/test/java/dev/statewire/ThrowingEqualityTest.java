package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.6: a custom equality is part of the computation. One that throws fails it like a
 * throwing function (cached and rethrown until a dependency changes); what it reads is never a
 * dependency of anything.
 */
class ThrowingEqualityTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void aComputedWhoseEqualityThrowsCachesTheFailureUntilADependencyChanges() {
    Signal<Integer> s = ctx.signal(0);
    AtomicInteger evaluations = new AtomicInteger();
    Computed<Integer> c = ctx.computed(() -> {
      evaluations.incrementAndGet();
      return s.get();
    }, (x, y) -> {
      if (y == 1) {
        throw new IllegalStateException("equality");
      }
      return x.equals(y);
    });
    assertEquals(0, c.get());

    s.set(1);

    IllegalStateException first = assertThrows(IllegalStateException.class, c::get);
    assertSame(first, assertThrows(IllegalStateException.class, c::get), "not cached");
    assertEquals(2, evaluations.get());
    s.set(2);
    assertEquals(2, c.get(), "a failure is followed by the new value, not compared with it");
  }

  @Test
  void anErrorFromAnEqualityIsCachedToo() {
    Signal<Integer> s = ctx.signal(0);
    Computed<Integer> c = ctx.computed(s::get, (x, y) -> {
      throw new AssertionError("equality");
    });
    c.get();
    s.set(1);

    AssertionError first = assertThrows(AssertionError.class, c::get);
    assertSame(first, assertThrows(AssertionError.class, c::get));
  }

  @Test
  void anEffectDownstreamOfAThrowingEqualitySeesTheFailure() {
    Signal<Integer> s = ctx.signal(0);
    Computed<Integer> c = ctx.computed(s::get, (x, y) -> {
      if (y == 1) {
        throw new IllegalStateException("equality");
      }
      return x.equals(y);
    });
    List<Object> seen = new ArrayList<>();
    ctx.effect(() -> {
      try {
        seen.add(c.get());
      } catch (IllegalStateException e) {
        seen.add(e.getMessage());
      }
    });

    s.set(1);
    s.set(2);

    assertEquals(List.of(0, "equality", 2), seen);
  }

  @Test
  void aLinkedSignalWhoseEqualityThrowsCachesTheFailure() {
    Signal<Integer> s = ctx.signal(0);
    LinkedSignal<Integer> linked = LinkedSignal.of(ctx, s::get, (v, previous) -> v, (x, y) -> {
      if (y == 1) {
        throw new IllegalStateException("equality");
      }
      return x.equals(y);
    });
    assertEquals(0, linked.get());

    s.set(1);

    IllegalStateException first = assertThrows(IllegalStateException.class, linked::get);
    assertSame(first, assertThrows(IllegalStateException.class, linked::get));
    linked.set(5);
    assertEquals(5, linked.get());
  }

  @Test
  void whatAComputedsEqualityReadsIsNoDependency() {
    Signal<Integer> s = ctx.signal(0);
    Signal<Integer> readByEquality = ctx.signal(0);
    Computed<Integer> c = ctx.computed(s::get, (x, y) -> {
      readByEquality.get();
      return x.equals(y);
    });
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      runs.incrementAndGet();
      s.get(); // the effect re-runs on s.set, and its run re-evaluates c and c's equality
      c.get();
    });
    s.set(1);

    readByEquality.set(1);

    assertEquals(2, runs.get(), "the effect re-ran for a read of c's equality");
    assertNull(readByEquality.subs, "something depends on what the equality read");
  }

  @Test
  void whatASignalsEqualityReadsIsNoDependencyOfTheWritingEffect() {
    Signal<Integer> readByEquality = ctx.signal(0);
    Signal<Integer> target = ctx.signal(0, (x, y) -> {
      readByEquality.get();
      return x.equals(y);
    });
    Signal<Integer> trigger = ctx.signal(0);
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      runs.incrementAndGet();
      target.set(trigger.get());
    });

    readByEquality.set(1);

    assertEquals(1, runs.get(), "the writing effect re-ran for a read of the equality");
    assertNull(readByEquality.subs);
  }

  @Test
  void aSignalWhoseEqualsThrowsIsUnchangedByTheFailedWrite() {
    Signal<Object> s = ctx.signal(0);
    Object bad = new Object() {
      @Override
      public boolean equals(Object other) {
        throw new IllegalStateException("equals");
      }

      @Override
      public int hashCode() {
        return 0;
      }
    };
    List<Object> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(s.get()));
    // inside a batch the first write is journaled; a later one compares with the value before
    // it by equals, which throws here
    ctx.batch(() -> {
      s.set(1);
      assertThrows(IllegalStateException.class, () -> s.set(bad));
      assertEquals(1, s.get(), "the failed write changed the signal");
    });

    assertEquals(List.of(0, 1), seen);
  }
}
