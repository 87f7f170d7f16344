package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ContextRunTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void signalOfAndEffectOfInsideRunBelongToTheContext() {
    AtomicReference<Signal<Integer>> signal = new AtomicReference<>();
    AtomicReference<Effect> effect = new AtomicReference<>();
    List<Integer> seen = new ArrayList<>();
    ctx.run(() -> {
      signal.set(Signal.of(1));
      effect.set(Effect.of(() -> seen.add(signal.get().get())));
    });
    assertSame(ctx, signal.get().context());
    signal.get().set(2);
    assertEquals(List.of(1, 2), seen);
    ctx.close();
    assertEquals(true, effect.get().isClosed(), "the effect was the context's to close");
  }

  @Test
  void statewireBatchInsideRunBatchesInTheContext() {
    Signal<Integer> a = ctx.signal(0);
    Signal<Integer> b = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.get() + b.get()));
    ctx.run(() -> Statewire.batch(() -> {
      a.set(1);
      b.set(2);
      assertSame(ctx, ReactiveContext.current());
    }));
    assertEquals(List.of(0, 3), seen, "one run for the whole batch");
  }

  @Test
  void callReturnsAndRestoresTheContextBeforeAlsoWhenTheBodyThrows() {
    ReactiveContext other = ReactiveContext.create();
    assertSame(ReactiveContext.global(), ReactiveContext.current());
    ctx.run(() -> {
      assertSame(other, other.call(ReactiveContext::current));
      assertSame(ctx, ReactiveContext.current(), "the outer choice is restored");
    });
    assertThrows(IllegalStateException.class, () -> ctx.run(() -> {
      throw new IllegalStateException("boom");
    }));
    assertSame(ReactiveContext.global(), ReactiveContext.current());
    assertEquals(7, ctx.call(() -> 7));
  }

  @Test
  void runInsideAnotherContextsBatchIsAMismatch() {
    ReactiveContext other = ReactiveContext.create();
    ContextMismatchException e = assertThrows(ContextMismatchException.class,
        () -> other.batch(() -> ctx.run(() -> { })));
    assertFalse(e.getMessage().isEmpty());
  }

  @Test
  void doesNotHoldTheLock() {
    ctx.run(() -> assertFalse(ctx.isHeldByCurrentThread()));
  }
}
