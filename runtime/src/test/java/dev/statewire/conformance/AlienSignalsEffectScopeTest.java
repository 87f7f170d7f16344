package dev.statewire.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.EffectScope;
import dev.statewire.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cases of alien-signals' {@code tests/effectScope.spec.ts}: closing a scope closes its
 * effects, newest first and depth first, and a scope created by an effect run is closed before
 * that effect's next run.
 */
class AlienSignalsEffectScopeTest extends AlienSignalsFixture {
  AlienSignalsEffectScopeTest() {
    super("effectScope.spec");
  }

  private final List<String> log = new ArrayList<>();

  @Test
  @DisplayName("scope dispose runs child effect cleanup")
  void scopeCloseRunsTheCleanupOfItsEffect() {
    EffectScope scope = EffectScope.create(ctx);
    scope.run(() -> ctx.effect(cleanup -> cleanup.add(() -> log.add("inner:cleanup"))));
    scope.close();
    assertEquals(List.of("inner:cleanup"), log);
  }

  @Test
  @DisplayName("scope dispose: sibling effects clean up in reverse creation (LIFO)")
  void scopeCloseClosesSiblingEffectsNewestFirst() {
    EffectScope scope = EffectScope.create(ctx);
    scope.run(() -> {
      for (int i = 1; i <= 3; i++) {
        String entry = "e" + i + ":cleanup";
        ctx.effect(cleanup -> cleanup.add(() -> log.add(entry)));
      }
    });
    scope.close();
    assertEquals(List.of("e3:cleanup", "e2:cleanup", "e1:cleanup"), log);
  }

  @Test
  @DisplayName("scope dispose: nested effect cleanup runs depth-first reverse")
  void scopeCloseClosesNestedEffectsDeepestFirst() {
    EffectScope scope = EffectScope.create(ctx);
    scope.run(() -> ctx.effect(childCleanup -> {
      ctx.effect(grandchildCleanup ->
          grandchildCleanup.add(() -> log.add("grandchild:cleanup")));
      childCleanup.add(() -> log.add("child:cleanup"));
    }));
    scope.close();
    assertEquals(List.of("grandchild:cleanup", "child:cleanup"), log);
  }

  @Test
  @DisplayName("scope as intermediate parent: cleanup order respects nesting")
  void scopeCreatedByAnEffectRunIsClosedBeforeTheOuterCleanup() {
    Signal<Integer> a = ctx.signal(0);
    ctx.effect(outer -> {
      a.get();
      log.add("outer:run");
      EffectScope.create(ctx).run(() -> ctx.effect(inner -> {
        log.add("inner:run");
        inner.add(() -> log.add("inner:cleanup"));
      }));
      outer.add(() -> log.add("outer:cleanup"));
    });
    log.clear();

    a.set(1);
    assertEquals(List.of("inner:cleanup", "outer:cleanup", "outer:run", "inner:run"), log);
  }
}
