package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * What the graph keeps alive (README, "The runtime", "Garbage"): a long-lived signal must not keep
 * unobserved computeds or closed effects reachable; an open effect stays alive on its own; a
 * thread that once took a context's lock does not keep the context alive once it is closed, nor
 * does the context keep that thread alive once it finished.
 *
 * <p>Collection is awaited with a bounded loop of {@link System#gc()} calls; nodes are created
 * in helper methods so that no local variable of the test keeps them reachable.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class GarbageCollectionStressTest {
  private static final int GC_ATTEMPTS = 50;

  @Test
  void unobservedComputedsReadingALongLivedSignalAreCollected() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> source = context.signal(1);

    List<WeakReference<Computed<Integer>>> computeds = readComputedChains(context, source, 5_000);

    assertAllCollected(computeds, "unobserved computeds");
    source.set(2);
    assertEquals(2, source.get());
  }

  @Test
  void aClosedEffectAndWhatOnlyItObservedAreCollected() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> source = context.signal(1);
    AtomicInteger runs = new AtomicInteger();

    List<WeakReference<?>> refs = closedEffectOverComputed(context, source, runs);
    assertEquals(1, runs.get());

    assertAllCollected(refs, "a closed effect and its computed");
    source.set(2);
    assertEquals(1, runs.get(), "a closed effect ran");
  }

  @Test
  void aClosedEffectWhoseLastRunWasARoundOfItsOwnIsCollected() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> source = context.signal(1);
    AtomicInteger runs = new AtomicInteger();

    WeakReference<Effect> ref = effectRunAloneThenClosed(context, source, runs);
    assertEquals(2, runs.get());

    assertAllCollected(List.of(ref), "a closed effect that the effect queue ran alone");
  }

  @Test
  void aClosedContextWhoseLockThisThreadTookIsCollected() {
    WeakReference<ReactiveContext> ref = contextLockedOnceAndClosed();
    assertAllCollected(List.of(ref), "a closed context this thread once locked");
  }

  @Test
  void aFinishedThreadThatTookAContextsLockIsCollected() throws InterruptedException {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> signal = context.signal(1);

    WeakReference<Thread> ref = threadThatWroteAndFinished(context, signal);

    assertAllCollected(List.of(ref), "a finished thread that took the context's lock");
    assertEquals(2, signal.get());
    Reference.reachabilityFence(context);
  }

  @Test
  void anOpenEffectStaysAliveWithoutAUserReference() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> source = context.signal(1);
    AtomicInteger seen = new AtomicInteger();

    WeakReference<Effect> ref = openEffectOverComputed(context, source, seen);
    forceGarbageCollection();
    source.set(7);

    assertEquals(14, seen.get(), "an open effect stopped running after a collection");
    closeThrough(ref);
    assertAllCollected(List.of(ref), "the effect once closed");
  }

  private static List<WeakReference<Computed<Integer>>> readComputedChains(
      ReactiveContext context, Signal<Integer> source, int count) {
    List<WeakReference<Computed<Integer>>> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Computed<Integer> first = context.computed(() -> source.get() + 1);
      Computed<Integer> second = context.computed(() -> first.get() * 2 + source.get());
      assertEquals(5, second.get());
      refs.add(new WeakReference<>(first));
      refs.add(new WeakReference<>(second));
    }
    return refs;
  }

  private static List<WeakReference<?>> closedEffectOverComputed(
      ReactiveContext context, Signal<Integer> source, AtomicInteger runs) {
    Computed<Integer> doubled = context.computed(() -> source.get() * 2);
    Effect effect = context.effect(() -> {
      doubled.get();
      runs.incrementAndGet();
    });
    effect.close();
    return List.of(new WeakReference<>(effect), new WeakReference<>(doubled));
  }

  /** The write queues the effect alone: a round of one, which the queue keeps it for. */
  private static WeakReference<Effect> effectRunAloneThenClosed(
      ReactiveContext context, Signal<Integer> source, AtomicInteger runs) {
    Effect effect = context.effect(() -> {
      source.get();
      runs.incrementAndGet();
    });
    source.set(2);
    effect.close();
    return new WeakReference<>(effect);
  }

  private static WeakReference<Effect> openEffectOverComputed(
      ReactiveContext context, Signal<Integer> source, AtomicInteger seen) {
    Computed<Integer> doubled = context.computed(() -> source.get() * 2);
    return new WeakReference<>(context.effect(() -> seen.set(doubled.get())));
  }

  private static WeakReference<ReactiveContext> contextLockedOnceAndClosed() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> signal = context.signal(1);
    context.batch(() -> signal.set(2));
    context.close();
    return new WeakReference<>(context);
  }

  private static WeakReference<Thread> threadThatWroteAndFinished(
      ReactiveContext context, Signal<Integer> signal) throws InterruptedException {
    Thread writer = new Thread(() -> context.batch(() -> signal.set(2)), "finished-writer");
    writer.start();
    writer.join();
    return new WeakReference<>(writer);
  }

  private static void closeThrough(WeakReference<Effect> ref) {
    Effect effect = ref.get();
    assertNotNull(effect, "an open effect was collected");
    effect.close();
  }

  private static void assertAllCollected(List<? extends WeakReference<?>> refs, String what) {
    for (int attempt = 0; attempt < GC_ATTEMPTS && !allCleared(refs); attempt++) {
      forceGarbageCollection();
    }
    long alive = refs.stream().filter(r -> r.get() != null).count();
    assertTrue(alive == 0, alive + " of " + refs.size() + " " + what + " are still reachable");
  }

  private static boolean allCleared(List<? extends WeakReference<?>> refs) {
    return refs.stream().allMatch(r -> r.get() == null);
  }

  private static void forceGarbageCollection() {
    System.gc();
    byte[][] pressure = new byte[64][];
    for (int i = 0; i < pressure.length; i++) {
      pressure[i] = new byte[64 * 1024];
    }
  }
}
