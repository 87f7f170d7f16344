package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EffectOwnershipTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void eachRerunOfAnOuterEffectClosesTheInnerEffectOfTheLastRun() {
    Signal<Integer> outer = ctx.signal(0);
    Signal<Integer> inner = ctx.signal(0);
    AtomicInteger innerRuns = new AtomicInteger();
    List<Effect> created = new ArrayList<>();
    ctx.effect(() -> {
      outer.get();
      created.add(ctx.effect(() -> {
        inner.get();
        innerRuns.incrementAndGet();
      }));
    });
    outer.set(1);
    outer.set(2);
    innerRuns.set(0);
    inner.set(1);
    assertEquals(1, innerRuns.get(), "only the newest inner effect is still open");
    assertTrue(created.get(0).isClosed());
    assertTrue(created.get(1).isClosed());
    assertFalse(created.get(2).isClosed());
  }

  @Test
  void closingAnEffectClosesWhatItsRunCreatedAndRunsTheirCleanups() {
    List<String> log = new ArrayList<>();
    AtomicReference<Effect> inner = new AtomicReference<>();
    Effect outer = ctx.effect(
        () -> inner.set(ctx.effect(cleanup -> cleanup.add(() -> log.add("inner cleanup")))));
    outer.close();
    assertTrue(inner.get().isClosed());
    assertEquals(List.of("inner cleanup"), log);
  }

  @Test
  void effectsCreatedInsideUntrackedInABodyAreOwnedToo() {
    Signal<Integer> outer = ctx.signal(0);
    List<Effect> created = new ArrayList<>();
    ctx.effect(() -> {
      outer.get();
      ctx.untracked(() -> created.add(ctx.effect(() -> { })));
    });
    outer.set(1);
    assertTrue(created.get(0).isClosed());
  }

  @Test
  void globalContextEffectsOwnTheirInnerEffectsToo() {
    Signal<Integer> outer = Signal.of(0);
    List<Effect> created = new ArrayList<>();
    Effect effect = Effect.of(() -> {
      outer.get();
      created.add(Effect.of(() -> { }));
    });
    outer.set(1);
    assertTrue(created.get(0).isClosed());
    effect.close();
    assertTrue(created.get(1).isClosed());
  }

  @Test
  void aScopeClosesItsEffectsResourcesAndPublisherSubscriptions() {
    Signal<Integer> count = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    AtomicReference<Resource<Integer, String>> resource = new AtomicReference<>();
    RecordingSubscriber<Integer> subscriber = RecordingSubscriber.unbounded();
    EffectScope scope = EffectScope.create(ctx);
    scope.run(() -> {
      ctx.effect(() -> seen.add(count.get()));
      resource.set(Resource.of(ctx, count::get, p -> new CompletableFuture<>()));
      SignalPublisher.of(count, Runnable::run).subscribe(subscriber);
    });
    count.set(1);
    scope.close();
    count.set(2);
    assertEquals(List.of(0, 1), seen);
    assertEquals(List.of(0, 1), subscriber.items, "the subscription's watcher is closed");
    assertEquals(ResourceStatus.IDLE, resource.get().status());
    assertTrue(scope.isClosed());
    assertThrows(ClosedException.class, () -> scope.run(() -> { }));
  }

  @Test
  void effectsCreatedOutsideTheScopeAreNotItsOwn() {
    Signal<Integer> count = ctx.signal(0);
    EffectScope scope = EffectScope.create(ctx);
    scope.run(() -> { });
    Effect outside = ctx.effect(count::get);
    scope.close();
    assertFalse(outside.isClosed());
  }

  @Test
  void closingTheContextClosesWhatItsScopesHold() {
    EffectScope scope = EffectScope.create(ctx);
    AtomicReference<Effect> effect = new AtomicReference<>();
    scope.run(() -> effect.set(ctx.effect(() -> { })));
    ctx.close();
    assertTrue(effect.get().isClosed());
    assertTrue(scope.isClosed());
  }

  @Test
  void aScopeCreatedInAnEffectRunIsClosedBeforeTheNextRun() {
    Signal<Integer> outer = ctx.signal(0);
    List<EffectScope> scopes = new ArrayList<>();
    ctx.effect(() -> {
      outer.get();
      scopes.add(EffectScope.create(ctx));
    });
    outer.set(1);
    assertTrue(scopes.get(0).isClosed());
    assertFalse(scopes.get(1).isClosed());
  }

  @Test
  void effectsCreatedAfterClosingAScopeInsideItsRunAreClosedWhenTheRunEnds() {
    EffectScope scope = EffectScope.create(ctx);
    AtomicReference<Effect> late = new AtomicReference<>();
    scope.run(() -> {
      scope.close();
      late.set(ctx.effect(() -> { }));
    });
    assertTrue(late.get().isClosed());
  }

  @Test
  void theInnerEffectOfAFailedRunIsClosedBeforeTheNextRun() {
    List<String> errors = new ArrayList<>();
    ReactiveContext failing = ReactiveContext.builder()
        .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
        .errorHandler((source, error) -> errors.add(error.getMessage())).build();
    Signal<Integer> outer = failing.signal(0);
    List<Effect> created = new ArrayList<>();
    failing.effect(() -> {
      created.add(failing.effect(() -> { }));
      if (outer.get() == 0) {
        throw new IllegalStateException("boom");
      }
    });
    outer.set(1);
    assertEquals(List.of("boom"), errors);
    assertTrue(created.get(0).isClosed());
    assertFalse(created.get(1).isClosed());
  }
}
