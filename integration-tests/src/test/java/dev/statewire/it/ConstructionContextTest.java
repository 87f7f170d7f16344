package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes a generated class's field initializers and constructor create belong to the instance's
 * context ({@link Storefront}); before, reading them inside that context threw
 * {@code ContextMismatchException}.
 */
class ConstructionContextTest {
  private final ReactiveContext session = ReactiveContext.builder().name("session").build();

  @AfterEach
  void closeSession() {
    session.close();
  }

  @Test
  void fieldInitializerNodesOfEveryKindBelongToTheInstancesContext() {
    ReactiveStorefront store = new ReactiveStorefront(session, "corner");
    assertSame(session, store.visits.context());
    assertSame(session, store.doubledVisits.context());
    assertSame(session, store.banner.context());
    assertSame(session, store.items.context());
    assertSame(session, store.stock.context());
    assertSame(session, store.tags.context());
    assertSame(session, store.seenInConstructor);
    assertSame(ReactiveContext.global(), ReactiveContext.current());

    assertEquals(3, store.itemCount(), "a derived value of the instance reads them");
    assertEquals("welcome 0, 0 at corner", store.greeting());
    List<String> greetings = new ArrayList<>();
    session.effect(() -> greetings.add(store.greeting()));
    store.visits.set(2);
    store.rename("harbour");
    assertEquals(
        List.of("welcome 0, 0 at corner", "welcome 2, 4 at corner", "welcome 2, 4 at harbour"),
        greetings);
  }

  @Test
  void aReactiveObjectBuiltInAFieldInitializerLandsInTheSameContext() {
    ReactiveStorefront store = new ReactiveStorefront(session, "corner");
    ReactiveStorefront_Shelf shelf = (ReactiveStorefront_Shelf) store.shelf;
    assertSame(session, shelf.reactiveContext());
    assertSame(session, shelf.books.context());
    List<Integer> free = new ArrayList<>();
    session.effect(() -> free.add(shelf.free()));
    shelf.books.add("Dune");
    assertEquals(List.of(10, 9), free);
  }

  @Test
  void aThrowingConstructorLeavesTheCurrentContextAsItWas() {
    assertThrows(IllegalArgumentException.class, () -> new ReactiveStorefront(session, ""));
    assertSame(ReactiveContext.global(), ReactiveContext.current());
    assertSame(ReactiveContext.global(), Signal.of(0).context());

    ReactiveContext other = ReactiveContext.create();
    other.run(() -> {
      assertThrows(IllegalArgumentException.class, () -> new ReactiveStorefront(session, ""));
      assertSame(other, ReactiveContext.current());
    });
    other.close();
    assertSame(session, new ReactiveStorefront(session, "next").items.context());
  }

  @Test
  void aLinkedSignalFieldResetsWhenTheFieldsItsMethodReadsChange() {
    ReactiveStorefront store = new ReactiveStorefront(session, "corner");
    assertSame(session, store.size.context());
    assertEquals("S", store.size.get());
    store.size.set("M");
    assertEquals("M", store.size.get(), "written locally");
    store.offer(List.of("L", "XL"));
    assertEquals("L", store.size.get(), "reset: firstSize() is a tracked read of sizes");
  }

  @Test
  void inTheDefaultContextNothingChanges() {
    ReactiveStorefront store = new ReactiveStorefront("global");
    assertSame(ReactiveContext.global(), store.items.context());
    assertSame(ReactiveContext.global(), store.reactiveContext());
    assertEquals(3, store.itemCount());
  }
}
