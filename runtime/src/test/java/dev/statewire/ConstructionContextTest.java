package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes created while a generated constructor runs belong to the instance's context, and the
 * previous current context is back afterwards, also when the superclass constructor throws. The
 * classes below have the shape the processor generates (ConstructionFrames recognises it).
 */
class ConstructionContextTest {
  private final ReactiveContext session = ReactiveContext.builder().name("session").build();
  private final ReactiveContext other = ReactiveContext.builder().name("other").build();

  @AfterEach
  void closeContexts() {
    session.close();
    other.close();
  }

  /** Plays the annotated class: nodes of every kind in field initializers. */
  static class Catalog {
    final Signal<Integer> page = Signal.of(1);
    final Computed<Integer> next = Computed.of(() -> page.get() + 1);
    final LinkedSignal<Integer> shown = LinkedSignal.of(() -> page.get());
    final ReactiveList<String> items = new ReactiveList<>(List.of("a"));
    final ReactiveMap<String, Integer> stock = new ReactiveMap<>(Map.of("a", 1));
    final ReactiveSet<String> tags = new ReactiveSet<>(Set.of("new"));
    final ReactiveContext seenInConstructor;
    Object child;

    Catalog(Supplier<Object> child, boolean fail) {
      seenInConstructor = ReactiveContext.current();
      this.child = child == null ? null : child.get();
      if (fail) {
        throw new IllegalStateException("constructor failed");
      }
    }
  }

  /** Plays the generated class. */
  static final class GeneratedCatalog extends Catalog {
    final ReactiveContext context;

    GeneratedCatalog(ReactiveContext context, Supplier<Object> child, boolean fail) {
      this(context, ReactiveObject.Construction.begin(GeneratedCatalog.class, context), child, fail);
    }

    private GeneratedCatalog(
        ReactiveContext context,
        ReactiveObject.Construction construction,
        Supplier<Object> child,
        boolean fail) {
      super(child, fail);
      construction.end();
      this.context = context;
    }
  }

  /** A second generated class, to nest one kind inside the other. */
  static class Tag {
    final Signal<String> label = Signal.of("");

    Tag(boolean fail) {
      if (fail) {
        throw new IllegalArgumentException("tag failed");
      }
    }
  }

  static final class GeneratedTag extends Tag {
    GeneratedTag(ReactiveContext context, boolean fail) {
      this(context, ReactiveObject.Construction.begin(GeneratedTag.class, context), fail);
    }

    private GeneratedTag(
        ReactiveContext context, ReactiveObject.Construction construction, boolean fail) {
      super(fail);
      construction.end();
    }
  }

  @Test
  void everyNodeKindInAFieldInitializerBelongsToTheInstancesContext() {
    GeneratedCatalog catalog = new GeneratedCatalog(session, null, false);
    assertSame(session, catalog.page.context());
    assertSame(session, catalog.next.context());
    assertSame(session, catalog.shown.context());
    assertSame(session, catalog.items.context());
    assertSame(session, catalog.stock.context());
    assertSame(session, catalog.tags.context());
    assertSame(session, catalog.seenInConstructor);
    assertSame(ReactiveContext.global(), ReactiveContext.current(), "restored after");
    session.run(() -> assertEquals(2, session.call(() -> catalog.next.get())));
    assertTrue(ConstructionFrames.noneOnThisThread());
  }

  @Test
  void aThrowingConstructorLeavesTheCurrentContextAsItWas() {
    assertThrows(IllegalStateException.class, () -> new GeneratedCatalog(session, null, true));
    assertSame(ReactiveContext.global(), ReactiveContext.current());
    assertSame(ReactiveContext.global(), Signal.of(0).context());
    assertTrue(ConstructionFrames.noneOnThisThread(), "the stale frame is gone once looked at");

    other.run(() -> {
      assertThrows(IllegalStateException.class, () -> new GeneratedCatalog(session, null, true));
      assertSame(other, ReactiveContext.current(), "inside a run block: that block's context");
    });
    assertSame(ReactiveContext.global(), ReactiveContext.current());
  }

  @Test
  void aStaleFrameDoesNotConfuseTheNextConstruction() {
    assertThrows(IllegalStateException.class, () -> new GeneratedCatalog(session, null, true));
    GeneratedTag tag = new GeneratedTag(other, false);
    assertSame(other, tag.label.context());
    assertSame(ReactiveContext.global(), ReactiveContext.current());
    assertTrue(ConstructionFrames.noneOnThisThread());
  }

  @Test
  void aNestedConstructionUsesItsOwnContextThenTheOuterOneAgain() {
    AtomicReference<ReactiveContext> afterChild = new AtomicReference<>();
    GeneratedCatalog catalog =
        new GeneratedCatalog(
            session,
            () -> {
              GeneratedTag tag = new GeneratedTag(other, false);
              afterChild.set(ReactiveContext.current());
              return tag;
            },
            false);
    assertSame(other, ((GeneratedTag) catalog.child).label.context());
    assertSame(session, afterChild.get(), "the outer construction's context again");
    assertSame(session, catalog.page.context());
  }

  @Test
  void aNestedConstructionThatThrowsAndIsCaughtLeavesTheOuterContextCurrent() {
    AtomicReference<Signal<Integer>> afterFailure = new AtomicReference<>();
    new GeneratedCatalog(
        session,
        () -> {
          assertThrows(IllegalArgumentException.class, () -> new GeneratedTag(other, true));
          afterFailure.set(Signal.of(0));
          return null;
        },
        false);
    assertSame(session, afterFailure.get().context());
  }

  @Test
  void aFailedNestedConstructionOfTheSameClassIsToldApartFromTheLiveOuterOne() {
    AtomicReference<Signal<Integer>> afterFailure = new AtomicReference<>();
    new GeneratedCatalog(
        session,
        () -> {
          assertThrows(
              IllegalStateException.class, () -> new GeneratedCatalog(other, null, true));
          afterFailure.set(Signal.of(0));
          return null;
        },
        false);
    assertSame(session, afterFailure.get().context());
    assertTrue(ConstructionFrames.noneOnThisThread());
  }

  @Test
  void aRunBlockInsideTheConstructorWinsAndAConstructionInsideARunBlockToo() {
    AtomicReference<Signal<Integer>> inRun = new AtomicReference<>();
    new GeneratedCatalog(
        session, () -> {
          other.run(() -> inRun.set(Signal.of(0)));
          return null;
        }, false);
    assertSame(other, inRun.get().context());

    GeneratedTag tag = other.call(() -> new GeneratedTag(session, false));
    assertSame(session, tag.label.context());
  }

  @Test
  void insideAnEffectOfAnotherContextTheInstancesNodesStillBelongToItsContext() {
    AtomicReference<GeneratedTag> built = new AtomicReference<>();
    Effect effect = other.effect(() -> built.set(new GeneratedTag(session, false)));
    assertSame(session, built.get().label.context());
    effect.close();
  }

  @Test
  void aStaleFrameStaysOnlyUntilTheCurrentContextIsNextAskedFor() {
    assertThrows(IllegalStateException.class, () -> new GeneratedCatalog(session, null, true));
    assertTrue(!ConstructionFrames.noneOnThisThread(), "Java ran nothing when super(...) threw");
    assertSame(ReactiveContext.global(), ReactiveContext.current());
    assertTrue(ConstructionFrames.noneOnThisThread());
  }
}
