package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each kind of spy event, listeners that fail, and detaching. */
class SpyTest {
  private final List<String> reported = new CopyOnWriteArrayList<>();
  private final ReactiveContext ctx = ReactiveContext.builder()
      .name("spied")
      .executor(Runnable::run)
      .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
      .errorHandler((source, error) -> reported.add(source + ": " + error))
      .build();
  private final Recorder recorder = new Recorder();

  /** Keeps every event; {@link #lines()} renders all but lock events. */
  static final class Recorder implements SpyListener {
    final List<SpyEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(SpyEvent event) {
      events.add(event);
    }

    List<String> lines() {
      List<String> lines = new ArrayList<>();
      for (SpyEvent e : events) {
        if (!(e instanceof SpyEvent.LockAcquired) && !(e instanceof SpyEvent.LockReleased)) {
          lines.add(e.toString());
        }
      }
      return lines;
    }
  }

  @Test
  void aWriteIsReportedWithItsOldAndNewValueAndAnEqualWriteIsNot() {
    Signal<Integer> a = ctx.signal(1).named("a");
    ctx.spy(recorder);
    a.set(2);
    a.set(2);
    a.markChanged();
    assertEquals(List.of("write Signal 'a': 1 -> 2", "write Signal 'a': 2 -> 2"),
        recorder.lines());
    SpyEvent.SignalWritten write = (SpyEvent.SignalWritten) recorder.events.get(1);
    assertSame(a, write.signal());
    assertEquals(1, write.oldValue());
    assertEquals(2, write.newValue());
  }

  @Test
  void aRecomputationSaysWhichDependencyChangedAndWhetherItsValueDid() {
    Signal<Integer> a = ctx.signal(1).named("a");
    Signal<Integer> b = ctx.signal(2).named("b");
    Computed<Integer> sum = ctx.computed(() -> a.get() + b.get()).named("sum");
    ctx.effect(() -> sum.get()).named("log");
    ctx.spy(recorder);
    a.set(5);
    ctx.batch(() -> {
      a.set(4);
      b.set(3);
    });
    assertEquals(List.of(
        "write Signal 'a': 1 -> 5",
        "schedule Effect 'log'",
        "recompute Computed 'sum' = 7 (Signal 'a' changed)",
        "run Effect 'log'",
        "write Signal 'a': 5 -> 4",
        "write Signal 'b': 2 -> 3",
        "schedule Effect 'log'",
        "recompute Computed 'sum' = 7 (Signal 'a', Signal 'b' changed; value unchanged)"),
        recorder.lines());
    SpyEvent.ComputedRecomputed last =
        (SpyEvent.ComputedRecomputed) recorder.events.get(recorder.events.size() - 2);
    assertEquals(List.of(a, b), last.causes());
    assertFalse(last.changed());
    assertFalse(last.firstRun());
    assertEquals(7, last.value());
  }

  @Test
  void aFirstComputationSaysSo() {
    Signal<Integer> a = ctx.signal(1).named("a");
    Computed<Integer> doubled = ctx.computed(() -> a.get() * 2).named("doubled");
    ctx.spy(recorder);
    doubled.get();
    assertEquals(List.of("recompute Computed 'doubled' = 2 (first run)"), recorder.lines());
    assertTrue(((SpyEvent.ComputedRecomputed) recorder.events.get(1)).firstRun());
  }

  @Test
  void aFailingEffectIsReportedWithItsThrowableBeforeTheErrorHandlerGetsIt() {
    Signal<Integer> a = ctx.signal(0).named("a");
    ctx.effect(() -> {
      if (a.get() > 0) {
        throw new IllegalStateException("refused " + a.get());
      }
    }).named("picky");
    ctx.spy(recorder);
    a.set(1);
    assertEquals(List.of(
        "write Signal 'a': 0 -> 1",
        "schedule Effect 'picky'",
        "fail Effect 'picky': java.lang.IllegalStateException: refused 1"),
        recorder.lines());
    assertInstanceOf(IllegalStateException.class,
        ((SpyEvent.EffectFailed) recorder.events.get(recorder.events.size() - 2)).failure());
    assertEquals(List.of("Effect 'picky': java.lang.IllegalStateException: refused 1"), reported);
  }

  @Test
  void aCommitListsTheSignalsEachParticipantChanged() {
    Pair first = new Pair("First");
    Pair second = new Pair("Second");
    ctx.spy(recorder);
    try (LockGuard guard = ctx.enter()) {
      ctx.join(first);
      ctx.join(second);
      first.x = 1;
      first.y = 2;
      second.y = 3;
    }
    assertEquals(List.of("commit First: Signal 'First.x' 0 -> 1, Signal 'First.y' 0 -> 2; "
        + "Second: Signal 'Second.y' 0 -> 3"), recorder.lines());
    SpyEvent.Committed commit = (SpyEvent.Committed) recorder.events.get(1);
    assertSame(second, commit.changes().get(2).participant());
    assertSame(second.ySignal, commit.changes().get(2).signal());
  }

  @Test
  void aRolledBackSessionCommitsNothing() {
    Pair pair = new Pair("Pair");
    ctx.spy(recorder);
    try (LockGuard guard = ctx.enter()) {
      ctx.join(pair);
      pair.x = 1;
      guard.markFailed();
    }
    assertEquals(List.of(), recorder.lines());
  }

  @Test
  void everyLockHoldIsReportedWithItsHolderAndHoldTime() {
    Signal<Integer> a = ctx.signal(0);
    ctx.spy(recorder);
    a.set(1);
    ctx.batch(() -> a.set(2));
    List<SpyEvent> locks = new ArrayList<>(recorder.events);
    locks.removeIf(e -> e instanceof SpyEvent.SignalWritten);
    assertEquals(4, locks.size(), locks::toString);
    for (int i = 0; i < 4; i += 2) {
      assertSame(Thread.currentThread(), ((SpyEvent.LockAcquired) locks.get(i)).holder());
      SpyEvent.LockReleased released = (SpyEvent.LockReleased) locks.get(i + 1);
      assertSame(Thread.currentThread(), released.holder());
      assertFalse(released.held().isNegative());
    }
    assertTrue(locks.get(0).toString().startsWith("lock acquired by '"));
    assertTrue(locks.get(1).toString().matches("lock released by '.*' after \\d+ \u00b5s"));
  }

  @Test
  void aHoldWhoseAcquisitionTheSpyDidNotSeeIsNotReported() {
    ctx.batch(() -> ctx.spy(recorder));
    assertEquals(List.of(), recorder.events, "neither the spy's own hold nor the batch's");
  }

  @Test
  void backgroundTasksReportTheirStartAndEnd() {
    BackgroundTasks tasks = new BackgroundTasks(ctx, "Owner");
    ctx.spy(recorder);
    tasks.start("work", TaskPolicy.PARALLEL, () -> { });
    tasks.start("fail", TaskPolicy.PARALLEL, () -> {
      throw new IllegalStateException("no");
    });
    assertEquals(List.of(
        "start task 'work'",
        "end task 'work': COMPLETED",
        "start task 'fail'",
        "end task 'fail': FAILED java.lang.IllegalStateException: no"),
        recorder.lines());
  }

  @Test
  void aTaskCancelledBeforeItStartedOnlyEnds() {
    List<Runnable> queued = new ArrayList<>();
    ReactiveContext later = ReactiveContext.builder().executor(queued::add).build();
    later.spy(recorder);
    Task task = new BackgroundTasks(later, "Owner").start("late", TaskPolicy.PARALLEL, () -> { });
    task.cancel();
    queued.forEach(Runnable::run);
    assertEquals(List.of("end task 'late': CANCELLED"), recorder.lines());
  }

  @Test
  void aResourceReportsEachTransition() {
    Signal<Integer> id = ctx.signal(1).named("id");
    ctx.spy(recorder);
    Resource<Integer, String> user = Resource.<Integer, String>of(ctx, id::get,
        p -> CompletableFuture.<String>completedFuture("user " + p.params())).named("user");
    id.set(2);
    List<String> transitions = new ArrayList<>();
    for (SpyEvent e : recorder.events) {
      if (e instanceof SpyEvent.ResourceTransition) {
        transitions.add(e.toString());
      }
    }
    assertEquals(List.of(
        "resource 'user': IDLE -> LOADING",
        "resource 'user': LOADING -> RESOLVED",
        "resource 'user': RESOLVED -> LOADING",
        "resource 'user': LOADING -> RESOLVED"), transitions);
    assertEquals("user 2", user.value());
  }

  @Test
  void aThrowingListenerGoesToTheErrorHandlerAndTheOthersAndTheGraphGoOn() {
    Signal<Integer> a = ctx.signal(0).named("a");
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.get())).named("seen");
    ctx.spy(event -> {
      throw new IllegalStateException("listener broke on " + event.getClass().getSimpleName());
    });
    ctx.spy(recorder);
    reported.clear(); // what the failing listener heard of the second one's attachment
    a.set(1);
    assertEquals(List.of(0, 1), seen);
    assertEquals(
        List.of("write Signal 'a': 0 -> 1", "schedule Effect 'seen'", "run Effect 'seen'"),
        recorder.lines());
    assertEquals(5, reported.size(), reported::toString); // acquired ... released
    assertTrue(reported.get(0).startsWith("spy listener "), reported.get(0));
    assertTrue(reported.get(1).endsWith("IllegalStateException: listener broke on SignalWritten"),
        reported.get(1));
    a.set(2);
    assertEquals(List.of(0, 1, 2), seen);
  }

  @Test
  void aVirtualMachineErrorOfAListenerReachesTheWriterOnceTheEffectsRan() {
    Signal<Integer> a = ctx.signal(0);
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.get()));
    ctx.spy(event -> {
      if (event instanceof SpyEvent.SignalWritten) {
        throw new StackOverflowError();
      }
    });
    assertThrows(StackOverflowError.class, () -> a.set(1));
    assertEquals(List.of(0, 1), seen, "the effect ran before the error reached the writer");
    assertEquals(List.of(), reported);
    assertFalse(ctx.isHeldByCurrentThread());
    assertThrows(StackOverflowError.class, () -> a.set(2));
    assertEquals(List.of(0, 1, 2), seen);
  }

  @Test
  void aVirtualMachineErrorOfAListenerOnALockReleaseReachesTheReleasingThread() {
    Signal<Integer> a = ctx.signal(0);
    ctx.spy(event -> {
      if (event instanceof SpyEvent.LockReleased) {
        throw new OutOfMemoryError("listener");
      }
    });
    assertThrows(OutOfMemoryError.class, () -> a.set(1));
    assertFalse(ctx.isHeldByCurrentThread(), "released before the error was thrown");
    assertEquals(1, a.peek());
  }

  @Test
  void closingTheRegistrationDetachesOnlyThatListener() {
    Signal<Integer> a = ctx.signal(0).named("a");
    Recorder other = new Recorder();
    SpyRegistration first = ctx.spy(recorder);
    SpyRegistration second = ctx.spy(other);
    assertSame(recorder, first.listener());
    first.close();
    first.close();
    a.set(1);
    assertEquals(List.of(), recorder.lines());
    assertEquals(List.of("write Signal 'a': 0 -> 1"), other.lines());
    second.close();
    assertNull(ctx.spy, "no listener left: every hook is back to one null check");
    a.set(2);
    assertEquals(List.of("write Signal 'a': 0 -> 1"), other.lines());
  }

  @Test
  void withoutAListenerNothingIsDelivered() {
    Signal<Integer> a = ctx.signal(0);
    assertNull(ctx.spy);
    ctx.spy(recorder).close();
    int afterClose = recorder.events.size();
    a.set(1);
    ctx.effect(() -> a.get());
    a.set(2);
    assertEquals(afterClose, recorder.events.size());
    assertNull(ctx.spy);
  }

  @Test
  void whatAListenerCausesItselfIsNotReported() {
    Signal<Integer> a = ctx.signal(0).named("a");
    Computed<Integer> doubled = ctx.computed(() -> a.get() * 2).named("doubled");
    AtomicInteger reads = new AtomicInteger();
    ctx.spy(event -> {
      reads.addAndGet(doubled.get()); // reads, recomputes and locks: none of it is an event
      doubled.subscribers();
    });
    ctx.spy(recorder);
    a.set(1);
    assertEquals(List.of("write Signal 'a': 0 -> 1"), recorder.lines());
    assertTrue(reads.get() > 0);
    assertEquals(2, doubled.get(), "the listener's reads left the graph consistent");
    assertEquals(List.of(), reported);
  }

  @Test
  void aListenerMayBeAttachedAndDetachedInsideAnEffect() {
    Signal<Integer> a = ctx.signal(0).named("a");
    ctx.effect(() -> {
      if (a.get() == 1) {
        ctx.spy(recorder);
      }
    });
    a.set(1);
    a.set(2);
    assertTrue(recorder.lines().contains("write Signal 'a': 1 -> 2"), recorder.lines()::toString);
  }

  @Test
  void spyRejectsNullAndIsAMismatchInsideAnotherContext() {
    assertThrows(NullPointerException.class, () -> ctx.spy(null));
    ReactiveContext other = ReactiveContext.create();
    assertThrows(ContextMismatchException.class, () -> other.batch(() -> ctx.spy(recorder)));
    assertNull(ctx.spy);
  }

  /** A state object with two fields, written as the processor writes one. */
  private final class Pair implements Transactional {
    final String name;
    final Signal<Integer> xSignal;
    final Signal<Integer> ySignal;
    int x;
    int y;

    Pair(String name) {
      this.name = name;
      this.xSignal = ctx.signal(0).named(name + ".x");
      this.ySignal = ctx.signal(0).named(name + ".y");
    }

    @Override
    public void commit() {
      if (x != xSignal.peek()) {
        ctx.commitWrite(xSignal, x);
      }
      if (y != ySignal.peek()) {
        ctx.commitWrite(ySignal, y);
      }
    }

    @Override
    public void rollback() {
      x = xSignal.peek();
      y = ySignal.peek();
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
