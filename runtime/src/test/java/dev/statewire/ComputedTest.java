package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ComputedTest {
  private final ReactiveContext ctx = ReactiveContext.create();

  @Test
  void isLazyAndCached() {
    Signal<Integer> a = ctx.signal(1);
    AtomicInteger evaluations = new AtomicInteger();
    Computed<Integer> doubled = ctx.computed(() -> {
      evaluations.incrementAndGet();
      return a.get() * 2;
    });
    assertEquals(0, evaluations.get(), "not evaluated before the first read");
    assertEquals(2, doubled.get());
    assertEquals(2, doubled.get());
    assertEquals(1, evaluations.get(), "cached");
    a.set(5);
    assertEquals(1, evaluations.get(), "a write does not evaluate (pull)");
    assertEquals(10, doubled.get());
    assertEquals(2, evaluations.get());
  }

  @Test
  void equalResultCutsOffPropagation() {
    Signal<Integer> a = ctx.signal(2);
    Computed<Boolean> even = ctx.computed(() -> a.get() % 2 == 0);
    AtomicInteger downstream = new AtomicInteger();
    Computed<String> label = ctx.computed(() -> {
      downstream.incrementAndGet();
      return even.get() ? "even" : "odd";
    });
    assertEquals("even", label.get());
    a.set(4);
    assertEquals("even", label.get());
    assertEquals(1, downstream.get(), "unchanged upstream result does not re-run downstream");
    a.set(5);
    assertEquals("odd", label.get());
    assertEquals(2, downstream.get());
  }

  @Test
  void customEqualityDecidesWhatIsAChange() {
    Signal<String> text = ctx.signal("Hello", String::equalsIgnoreCase);
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      text.get();
      runs.incrementAndGet();
    });
    text.set("HELLO");
    assertEquals("Hello", text.peek(), "an equal write is ignored");
    assertEquals(1, runs.get());

    Signal<Integer> n = ctx.signal(1);
    Computed<Integer> bucket = ctx.computed(() -> n.get(), (x, y) -> x / 10 == y / 10);
    AtomicInteger bucketRuns = new AtomicInteger();
    ctx.effect(() -> {
      bucket.get();
      bucketRuns.incrementAndGet();
    });
    n.set(5);
    assertEquals(1, bucketRuns.get(), "same bucket: no change");
    n.set(15);
    assertEquals(2, bucketRuns.get());
  }

  @Test
  void dependenciesAreCollectedAnewOnEveryRun() {
    Signal<Boolean> useA = ctx.signal(true);
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> b = ctx.signal(2);
    AtomicInteger evaluations = new AtomicInteger();
    Computed<Integer> pick = ctx.computed(() -> {
      evaluations.incrementAndGet();
      return useA.get() ? a.get() : b.get();
    });
    AtomicInteger effectRuns = new AtomicInteger();
    ctx.effect(() -> {
      pick.get();
      effectRuns.incrementAndGet();
    });
    b.set(20);
    assertEquals(1, evaluations.get(), "b is not a dependency yet");
    useA.set(false);
    assertEquals(20, pick.get());
    a.set(10);
    assertEquals(2, evaluations.get(), "a is no longer a dependency");
    assertEquals(2, effectRuns.get());
  }

  @Test
  void unwatchedComputedAlsoTracksDynamically() {
    Signal<Boolean> useA = ctx.signal(true);
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> b = ctx.signal(2);
    AtomicInteger evaluations = new AtomicInteger();
    Computed<Integer> pick = ctx.computed(() -> {
      evaluations.incrementAndGet();
      return useA.get() ? a.get() : b.get();
    });
    assertEquals(1, pick.get());
    b.set(3);
    assertEquals(1, pick.get());
    assertEquals(1, evaluations.get());
    useA.set(false);
    assertEquals(3, pick.get());
    a.set(7);
    assertEquals(3, pick.get());
    assertEquals(2, evaluations.get());
  }

  @Test
  void diamondIsGlitchFree() {
    Signal<Integer> head = ctx.signal(1);
    Computed<Integer> left = ctx.computed(() -> head.get() + 1);
    Computed<Integer> right = ctx.computed(() -> head.get() * 10);
    AtomicInteger sumRuns = new AtomicInteger();
    Computed<String> both = ctx.computed(() -> {
      sumRuns.incrementAndGet();
      return left.get() + "/" + right.get();
    });
    StringBuilder seen = new StringBuilder();
    ctx.effect(() -> seen.append(both.get()).append(' '));
    head.set(2);
    head.set(3);
    assertEquals("2/10 3/20 4/30 ", seen.toString(), "never a mix of old and new");
    assertEquals(3, sumRuns.get(), "once per change");
  }

  @Test
  void thrownExceptionIsCachedUntilADependencyChanges() {
    Signal<Integer> divisor = ctx.signal(0);
    AtomicInteger evaluations = new AtomicInteger();
    Computed<Integer> quotient = ctx.computed(() -> {
      evaluations.incrementAndGet();
      return 10 / divisor.get();
    });
    ArithmeticException first = assertThrows(ArithmeticException.class, quotient::get);
    ArithmeticException second = assertThrows(ArithmeticException.class, quotient::get);
    assertSame(first, second, "the cached exception is re-thrown");
    assertEquals(1, evaluations.get());
    divisor.set(2);
    assertEquals(5, quotient.get(), "recovers when a dependency changes");
    assertEquals(2, evaluations.get());
  }

  @Test
  void downstreamOfAFailureSeesTheFailureAndRecovers() {
    Signal<String> input = ctx.signal("x");
    Computed<Integer> parsed = ctx.computed(() -> Integer.parseInt(input.get()));
    Computed<Integer> plusOne = ctx.computed(() -> parsed.get() + 1);
    assertThrows(NumberFormatException.class, plusOne::get);
    input.set("41");
    assertEquals(42, plusOne.get());
  }

  @Test
  void cycleFailsWithTheNodesNamed() {
    Signal<Integer> seed = ctx.signal(1);
    Computed<Integer>[] holder = new Computed[1];
    Computed<Integer> a = ctx.computed(() -> seed.get() + holder[0].get()).named("a");
    Computed<Integer> b = ctx.computed(() -> a.get() + 1).named("b");
    holder[0] = b;
    CycleException e = assertThrows(CycleException.class, a::get);
    assertEquals(java.util.List.of("Computed 'a'", "Computed 'b'", "Computed 'a'"), e.cycle());
    assertTrue(e.getMessage().contains("Computed 'a' -> Computed 'b' -> Computed 'a'"),
        e.getMessage());
  }

  @Test
  void selfReadIsACycle() {
    Computed<Integer>[] holder = new Computed[1];
    holder[0] = ctx.computed(() -> holder[0].get() + 1).named("self");
    CycleException e = assertThrows(CycleException.class, holder[0]::get);
    assertEquals(java.util.List.of("Computed 'self'", "Computed 'self'"), e.cycle());
  }

  @Test
  void writingInsideAComputedFails() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> sideEffect = ctx.signal(0).named("sideEffect");
    Computed<Integer> impure = ctx.computed(() -> {
      sideEffect.set(a.get());
      return a.get();
    }).named("impure");
    IllegalWriteException e = assertThrows(IllegalWriteException.class, impure::get);
    assertTrue(e.getMessage().contains("Signal 'sideEffect'"), e.getMessage());
    assertTrue(e.getMessage().contains("Computed 'impure'"), e.getMessage());
    assertEquals(0, sideEffect.peek());
  }

  @Test
  void peekDoesNotCreateADependency() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> b = ctx.signal(1);
    AtomicInteger evaluations = new AtomicInteger();
    Computed<Integer> sum = ctx.computed(() -> {
      evaluations.incrementAndGet();
      return a.get() + b.peek();
    });
    ctx.effect(sum::get);
    b.set(5);
    assertEquals(1, evaluations.get());
    a.set(2);
    assertEquals(7, sum.get());
  }

  @Test
  void untrackedReadsDoNotCreateDependencies() {
    Signal<Integer> a = ctx.signal(1);
    Signal<Integer> b = ctx.signal(1);
    AtomicInteger runs = new AtomicInteger();
    ctx.effect(() -> {
      a.get();
      ctx.untracked(b::get);
      runs.incrementAndGet();
    });
    b.set(2);
    assertEquals(1, runs.get());
    a.set(2);
    assertEquals(2, runs.get());
  }

  @Test
  void veryDeepChainsWorkOnASmallThreadStack() throws Exception {
    int depth = 100_000;
    java.util.concurrent.atomic.AtomicReference<Object> outcome =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        Signal<Integer> head = ctx.signal(0);
        ReadableSignal<Integer> node = head;
        for (int i = 0; i < depth; i++) {
          ReadableSignal<Integer> previous = node;
          node = ctx.computed(() -> previous.get() + 1);
        }
        ReadableSignal<Integer> end = node;
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        seen.add(end.get());                    // unwatched: pull through the whole chain
        head.set(1);
        seen.add(end.get());                    // unwatched: validate through the whole chain
        ctx.effect(() -> seen.add(end.get()));  // watch the whole chain
        head.set(2);                            // push, then pull through the whole chain
        outcome.set(seen);
      } catch (Throwable e) {
        outcome.set(e);
      }
    }, "small-stack", 512 * 1024);
    thread.start();
    thread.join(120_000);
    assertEquals(java.util.List.of(depth, depth + 1, depth + 1, depth + 2), outcome.get());
  }

  @Test
  void deepChainsNeitherOverflowNorRecomputeNeedlessly() {
    Signal<Integer> head = ctx.signal(0);
    ReadableSignal<Integer> node = head;
    AtomicInteger evaluations = new AtomicInteger();
    for (int i = 0; i < 300; i++) {
      ReadableSignal<Integer> previous = node;
      node = ctx.computed(() -> {
        evaluations.incrementAndGet();
        return previous.get() + 1;
      });
    }
    ReadableSignal<Integer> end = node;
    AtomicInteger last = new AtomicInteger();
    ctx.effect(() -> last.set(end.get()));
    assertEquals(300, last.get());
    head.set(1);
    assertEquals(301, last.get());
    assertEquals(600, evaluations.get());
  }
}
