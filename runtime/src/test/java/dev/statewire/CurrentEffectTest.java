package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CurrentEffectTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void anEffectClosesItselfInItsFirstRun() {
    Signal<Integer> a = ctx.signal(1);
    List<Integer> seen = new ArrayList<>();
    Effect effect = ctx.effect(() -> {
      seen.add(a.get());
      Effect.current().close();
    });
    a.set(2);
    assertTrue(effect.isClosed());
    assertEquals(List.of(1), seen);
  }

  @Test
  void anEffectClosesItselfInALaterRun() {
    Signal<Integer> a = ctx.signal(1);
    List<Integer> seen = new ArrayList<>();
    Effect effect = ctx.effect(() -> {
      int v = a.get();
      seen.add(v);
      if (v == 2) {
        Effect.current().close();
      }
    });
    a.set(2);
    a.set(3);
    assertTrue(effect.isClosed());
    assertEquals(List.of(1, 2), seen);
  }

  @Test
  void isTheRunningEffectAlsoInsideUntrackedAndNullOutside() {
    AtomicReference<Effect> inside = new AtomicReference<>();
    AtomicReference<Effect> untracked = new AtomicReference<>();
    Effect effect = ctx.effect(() -> {
      inside.set(Effect.current());
      untracked.set(ctx.untracked(Effect::current));
    });
    assertSame(effect, inside.get());
    assertSame(effect, untracked.get());
    assertNull(Effect.current());
    assertNull(ctx.batch(Effect::current), "a batch is not an effect run");
  }

  @Test
  void isTheInnerEffectWhileANestedOneRunsAndTheOuterAfter() {
    List<Effect> seen = new ArrayList<>();
    AtomicReference<Effect> inner = new AtomicReference<>();
    Effect outer = ctx.effect(() -> {
      inner.set(ctx.effect(() -> seen.add(Effect.current())));
      seen.add(Effect.current());
    });
    assertEquals(List.of(inner.get(), outer), seen);
  }

  @Test
  void asReadonlyReadsTheSignalAndCannotBeCastToIt() {
    Signal<Integer> a = ctx.signal(1);
    ReadableSignal<Integer> view = a.asReadonly();
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(view.get()));
    a.set(2);
    assertEquals(List.of(1, 2), seen, "a read through the view is tracked");
    assertEquals(2, view.peek());
    assertSame(ctx, view.context());
    assertFalse(view instanceof Signal, "the view does not expose set()");
  }
}
