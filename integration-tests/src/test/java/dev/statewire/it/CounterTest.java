package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ClosedException;
import dev.statewire.Computed;
import dev.statewire.Effect;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.StateMutationException;
import dev.statewire.Statewire;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived values, effects and actions of a generated class, in an isolated context each. */
class CounterTest {
  private final ReactiveContext context = ReactiveContext.create();

  @Test
  void theGeneratedClassIsAReactiveObjectInTheGivenContext() {
    Counter counter = new ReactiveCounter(context, 3);
    assertInstanceOf(ReactiveObject.class, counter);
    assertSame(context, ((ReactiveObject) counter).reactiveContext());
    assertEquals(3, counter.getCount());
  }

  @Test
  void theConstructorWithoutAContextUsesTheCurrentOne() {
    try (ReactiveCounter counter = new ReactiveCounter()) {
      assertSame(ReactiveContext.current(), counter.reactiveContext());
    }
  }

  @Test
  void aDerivedValueIsCachedUntilAFieldItReadChanges() {
    Counter counter = new ReactiveCounter(context);
    assertEquals(0, counter.doubled());
    assertEquals(0, counter.doubled());
    assertEquals(1, counter.doubledRuns());

    counter.setStep(5);
    assertEquals(0, counter.doubled());
    assertEquals(1, counter.doubledRuns(), "step is not read by doubled()");

    counter.increment();
    assertEquals(10, counter.doubled());
    assertEquals(10, counter.doubled());
    assertEquals(2, counter.doubledRuns());
  }

  @Test
  void anEqualDerivedValueCutsPropagationOff() {
    Counter counter = new ReactiveCounter(context);
    counter.setStep(2);
    assertEquals("even", counter.parityLabel());
    assertEquals(1, counter.parityLabelRuns());

    counter.increment();
    assertEquals("even", counter.parityLabel());
    assertEquals(2, counter.parityRuns(), "parity re-evaluated after count changed");
    assertEquals(1, counter.parityLabelRuns(), "label not recomputed: parity stayed even");

    counter.setStep(1);
    counter.increment();
    assertEquals("odd", counter.parityLabel());
    assertEquals(2, counter.parityLabelRuns());
  }

  @Test
  void effectsRunAtConstructionThenAfterEachCommitThatChangedWhatTheyRead() {
    Counter counter = new ReactiveCounter(context);
    assertEquals(List.of(0), counter.countsLogged());
    assertEquals(List.of(1), counter.stepsLogged());

    counter.increment();
    assertEquals(List.of(0, 1), counter.countsLogged());
    assertEquals(List.of(1), counter.stepsLogged(), "step did not change");

    counter.setStep(3);
    assertEquals(List.of(0, 1), counter.countsLogged(), "count did not change");
    assertEquals(List.of(1, 3), counter.stepsLogged());

    counter.setStep(3);
    assertEquals(List.of(1, 3), counter.stepsLogged(), "an equal value is no change");
  }

  @Test
  void nestedActionsCommitOnceAtTheOutermostLevel() {
    Counter counter = new ReactiveCounter(context);
    counter.incrementTwice();
    assertEquals(List.of(0, 2), counter.countsLogged());

    Statewire.lock(counter, () -> {
      counter.increment();
      counter.incrementTwice();
      assertEquals(List.of(0, 2), counter.countsLogged(), "nothing published inside the lock");
    });
    assertEquals(List.of(0, 2, 5), counter.countsLogged());
  }

  @Test
  void aFailingActionRestoresTheFieldsAndPublishesNothing() {
    Counter counter = new ReactiveCounter(context, 4);
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> counter.addThenFail(10));
    assertEquals("refused 10", failure.getMessage());
    assertEquals(4, counter.getCount());
    assertEquals(List.of(4), counter.countsLogged());

    counter.increment();
    assertEquals(List.of(4, 5), counter.countsLogged());
  }

  @Test
  void insideAnActionADerivedValueReflectsTheWritesAlreadyMade() {
    Counter counter = new ReactiveCounter(context);
    assertEquals(0, counter.doubled());
    assertEquals(2, counter.incrementAndGetDoubled());
    assertEquals(2, counter.doubled());

    Statewire.lock(counter, () -> {
      counter.setStep(10);
      counter.increment();
      assertEquals(22, counter.doubled());
      assertEquals(11, counter.getCount());
    });
    assertEquals(22, counter.doubled());
  }

  @Test
  void aDerivedValueComputedDuringAFailedActionIsNotKept() {
    Counter counter = new ReactiveCounter(context);
    assertThrows(IllegalStateException.class, () -> Statewire.lock(counter, () -> {
      counter.increment();
      assertEquals(2, counter.doubled());
      throw new IllegalStateException("abandon");
    }));
    assertEquals(0, counter.getCount());
    assertEquals(0, counter.doubled());
  }

  @Test
  void gettersAndDerivedValuesAreTrackedByHandWrittenComputedValuesAndEffects() {
    Counter counter = new ReactiveCounter(context);
    Computed<String> text = context.computed(() -> counter.getCount() + "/" + counter.getStep());
    List<Integer> seen = new ArrayList<>();
    Effect effect = context.effect(() -> seen.add(counter.doubled()));

    counter.increment();
    assertEquals("1/1", text.get());
    counter.setStep(2);
    assertEquals("1/2", text.get());
    assertEquals(List.of(0, 2), seen, "step changes do not change doubled()");
    effect.close();
  }

  @Test
  void anEffectThatCallsAnActionDoesNotDependOnWhatTheActionReads() {
    Ticker ticker = new ReactiveTicker(context);
    assertEquals(1, ticker.effectRuns());
    ticker.request();
    assertEquals(1, ticker.getTicks());
    assertEquals(2, ticker.effectRuns(), "the effect ran once for the request, not for the tick");
    ticker.tick();
    assertEquals(2, ticker.effectRuns());
    ticker.request();
    assertEquals(3, ticker.getTicks());
    assertEquals(3, ticker.effectRuns());
  }

  @Test
  void closeStopsTheEffectsAndRefusesChanges() {
    ReactiveCounter counter = new ReactiveCounter(context);
    counter.increment();
    counter.close();
    counter.close();
    ClosedException refused = assertThrows(ClosedException.class, counter::increment);
    assertTrue(refused.getMessage().contains("Counter is closed"), refused.getMessage());
    assertEquals(List.of(0, 1), counter.countsLogged());
    assertEquals(1, counter.getCount(), "the last state stays readable");
    assertEquals(2, counter.doubled());
  }

  @Test
  void aWriteBehindTheProcessorsBackIsCaughtAtTheNextAction() throws Exception {
    Counter counter = new ReactiveCounter(context);
    var field = Counter.class.getDeclaredField("count");
    field.setInt(counter, 42);
    StateMutationException failure =
        assertThrows(StateMutationException.class, counter::increment);
    assertEquals("Counter.count", failure.field());
    assertEquals(0, counter.getCount());
    counter.increment();
    assertEquals(1, counter.getCount());
  }

  @Test
  void readsOutsideTheLockSeeCommittedValuesOnly() {
    Counter counter = new ReactiveCounter(context);
    Statewire.lock(counter, () -> {
      counter.increment();
      assertTrue(context.isHeldByCurrentThread());
    });
    assertFalse(context.isHeldByCurrentThread());
    assertEquals(1, counter.getCount());
  }
}
