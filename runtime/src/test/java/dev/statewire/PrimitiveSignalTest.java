package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimitiveSignalTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void aTrackedReadMakesEffectsAndComputedsRunOnChangeAndAnEqualWriteIsANoOp() {
    IntSignal count = ctx.intSignal(1).named("count");
    Computed<Integer> doubled = ctx.computed(() -> count.getInt() * 2);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(doubled.get()));

    count.set(1);
    count.set(3);
    assertEquals(4, count.update(v -> v + 1));

    assertEquals(List.of(2, 6, 8), seen);
    assertEquals(4, count.peekInt());
    assertEquals(Integer.valueOf(4), count.get());
    assertEquals("IntSignal 'count' = 4", count.toString());
  }

  @Test
  void aPeekIsNotADependency() {
    LongSignal total = ctx.longSignal(5L);
    List<Long> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(total.peekLong()));
    total.set(6L);
    assertEquals(List.of(5L), seen);
    assertEquals(6L, total.getLong());
  }

  @Test
  void doublesCompareLikeDoubleEqualsAsASignalOfDoubleDoes() {
    DoubleSignal d = ctx.doubleSignal(Double.NaN);
    Signal<Double> boxed = ctx.signal(Double.NaN);
    List<Double> seen = new ArrayList<>();
    List<Double> seenBoxed = new ArrayList<>();
    ctx.effect(() -> seen.add(d.getDouble()));
    ctx.effect(() -> seenBoxed.add(boxed.get()));

    for (double v : new double[] {Double.NaN, 0.0 / 0.0, 0.0, -0.0, -0.0, 0.0, 1.5}) {
      d.set(v);
      boxed.set(v);
    }

    assertEquals(seenBoxed, seen);
    assertEquals(List.of(Double.NaN, 0.0, -0.0, 0.0, 1.5), seen);
    assertEquals(-2.5, d.update(v -> -v - 1));
  }

  @Test
  void aBooleanTogglesAndIsAGraphNodeKind() {
    BooleanSignal on = ctx.booleanSignal(false).named("on");
    List<Boolean> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(on.getBoolean()));
    assertTrue(on.toggle());
    on.set(true);
    on.set(false);
    assertEquals(List.of(false, true, false), seen);
    assertFalse(on.peekBoolean());
    GraphNode node = on;
    assertEquals("on", node.name());
    assertEquals(1, node.subscribers().size());
    assertEquals("read-only view of BooleanSignal 'on'", on.asReadonly().toString());
  }

  @Test
  void aBatchThatWritesAValueBackChangesNothing() {
    IntSignal a = ctx.intSignal(1);
    int[] runs = {0};
    Computed<Integer> plusOne = ctx.computed(() -> {
      runs[0]++;
      return a.getInt() + 1;
    });
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(plusOne.get()));
    ctx.batch(() -> {
      a.set(5);
      a.set(1);
    });
    assertEquals(List.of(2), seen);
    assertEquals(1, runs[0]);
    ctx.batch(() -> {
      a.set(5);
      a.set(6);
    });
    assertEquals(List.of(2, 7), seen);
  }

  @Test
  void writesInsideAComputationFailAndMarkChangedReRunsReaders() {
    LongSignal a = ctx.longSignal(1L).named("a");
    Computed<Long> bad = ctx.computed(() -> {
      a.set(2L);
      return 0L;
    });
    assertThrows(IllegalWriteException.class, bad::get);
    List<Long> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.getLong()));
    a.markChanged();
    assertEquals(List.of(1L, 1L), seen);
  }

  @Test
  void committedWritesArePublishedTogetherOrNotAtAllAndTheSpySeesThem() {
    IntSignal x = ctx.intSignal(0).named("x");
    DoubleSignal y = ctx.doubleSignal(0.0).named("y");
    List<SpyEvent> events = new ArrayList<>();
    ctx.spy(events::add);
    List<String> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(x.getInt() + "/" + y.getDouble()));
    Transactional participant = new Transactional() {
      @Override
      public void commit() {
        ctx.commitWrite(x, 3);
        ctx.commitWrite(y, -0.0);
      }

      @Override
      public void rollback() {}
    };
    try (LockGuard guard = ctx.enter()) {
      ctx.join(participant);
    }
    assertEquals(List.of("0/0.0", "3/-0.0"), seen);
    SpyEvent.Committed commit = (SpyEvent.Committed) events.stream()
        .filter(e -> e instanceof SpyEvent.Committed).findFirst().orElseThrow();
    assertSame(x, commit.changes().get(0).signal());
    assertEquals(0, commit.changes().get(0).oldValue());
    assertEquals(3, commit.changes().get(0).newValue());
    assertEquals(-0.0, commit.changes().get(1).newValue());

    Transactional failing = new Transactional() {
      @Override
      public void commit() {
        ctx.commitWrite(x, 9);
        throw new IllegalStateException("refused");
      }

      @Override
      public void rollback() {}
    };
    assertThrows(IllegalStateException.class, () -> {
      try (LockGuard guard = ctx.enter()) {
        ctx.join(failing);
      }
    });
    assertEquals(3, x.peekInt());
    assertEquals(List.of("0/0.0", "3/-0.0"), seen);
    assertThrows(IllegalStateException.class, () -> ctx.commitWrite(x, 4));
  }

  @Test
  void aCommitOfMoreWritesThanTheBufferHoldsPublishesEveryOne() {
    List<IntSignal> ints = new ArrayList<>();
    List<Signal<String>> strings = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ints.add(ctx.intSignal(0));
      strings.add(ctx.signal(""));
    }
    Transactional participant = new Transactional() {
      @Override
      public void commit() {
        for (int i = 0; i < 20; i++) {
          ctx.commitWrite(ints.get(i), i + 1);
          ctx.commitWrite(strings.get(i), "s" + i);
        }
      }

      @Override
      public void rollback() {}
    };
    try (LockGuard guard = ctx.enter()) {
      ctx.join(participant);
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(i + 1, ints.get(i).peekInt());
      assertEquals("s" + i, strings.get(i).peek());
    }
  }
}
