package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived values across objects, generic classes and subclasses. */
class ObjectGraphTest {
  private final ReactiveContext context = ReactiveContext.create();

  @Test
  void aDerivedValueDependsOnAnotherObjectsGetter() {
    Price price = new ReactivePrice(context, 250);
    Order order = new ReactiveOrder(context, price, 2);
    assertEquals(500, order.total());
    assertEquals(500, order.total());
    assertEquals(1, order.totalRuns());

    price.setCents(300);
    assertEquals(600, order.total());
    order.setQuantity(3);
    assertEquals(900, order.total());
    assertEquals(3, order.totalRuns());
  }

  @Test
  void aDerivedValueSeesAnotherObjectsUncommittedWritesInsideItsLock() {
    Price price = new ReactivePrice(context, 250);
    Order order = new ReactiveOrder(context, price, 2);
    assertEquals(500, order.total());
    Statewire.lock(price, () -> {
      price.setCents(100);
      assertEquals(200, order.total());
    });
    assertEquals(200, order.total());
  }

  @Test
  void aClassCanCreateItsGeneratedSubclass() {
    Price price = Price.of(7);
    assertTrue(price instanceof ReactivePrice);
    assertEquals(7, price.getCents());
  }

  @Test
  void aGenericClassKeepsItsTypeArguments() {
    Box<String> box = new ReactiveBox<>(context, "b");
    assertFalse(box.grew());
    box.set("c");
    assertTrue(box.grew());
    assertEquals(List.of("b"), box.history());
    box.set("a");
    assertFalse(box.grew());
    assertEquals("a", box.get());
  }

  @Test
  void aSubclassOfAReactiveClassTracksInheritedFields() {
    Dog dog = new ReactiveDog(context, "rex");
    assertEquals(List.of("rex knows 0 tricks"), dog.descriptions());
    dog.learnTrick();
    dog.rename("fido");
    assertEquals(
        List.of("rex knows 0 tricks", "rex knows 1 tricks", "FIDO knows 1 tricks"),
        dog.descriptions());
    assertEquals("FIDO", dog.getName());
  }

  @Test
  void methodsTheBaseConstructorCallsRunAsPlainCalls() {
    Animal animal = new ReactiveAnimal(context, "cat");
    assertEquals("hello cat", animal.greeting());
    Dog dog = new ReactiveDog(context, "rex");
    assertEquals("hello rex", dog.greeting());
  }
}
