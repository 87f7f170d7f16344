package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code @Effect} methods of a generated class in a context with an effect executor. */
class EffectExecutorTest {
  /** A test's UI thread: tasks wait here until {@link #runQueued()} runs them. */
  private final Queue<Runnable> queued = new ArrayDeque<>();
  private final ReactiveContext context =
      ReactiveContext.builder().effectExecutor(queued::add).build();

  private void runQueued() {
    Runnable task;
    while ((task = queued.poll()) != null) {
      task.run();
    }
  }

  @Test
  void effectsStartOnTheExecutorNotInTheConstructor() {
    Counter counter = new ReactiveCounter(context, 5);
    assertEquals(List.of(), counter.countsLogged());
    runQueued();
    assertEquals(List.of(5), counter.countsLogged());
    assertEquals(List.of(1), counter.stepsLogged());
  }

  @Test
  void actionsOnlyHandTheEffectsOverAndEachRunsOnceForWhatItMissed() {
    Counter counter = new ReactiveCounter(context);
    runQueued();
    counter.increment();
    counter.incrementTwice();
    counter.setStep(4);
    counter.increment();
    assertEquals(List.of(0), counter.countsLogged());
    runQueued();
    assertEquals(List.of(0, 7), counter.countsLogged());
    assertEquals(List.of(1, 4), counter.stepsLogged());
  }

  @Test
  void aRolledBackActionRunsNothing() {
    Counter counter = new ReactiveCounter(context);
    runQueued();
    try {
      counter.addThenFail(3);
    } catch (IllegalStateException expected) {
      // the action's write is rolled back
    }
    runQueued();
    assertEquals(List.of(0), counter.countsLogged());
  }

  @Test
  void closingTheInstanceDropsItsQueuedRuns() {
    ReactiveCounter counter = new ReactiveCounter(context);
    runQueued();
    counter.increment();
    counter.close();
    runQueued();
    assertEquals(List.of(0), counter.countsLogged());
  }

  @Test
  void aWriterThreadAndARealExecutorThreadEndOnTheFinalCount() {
    ExecutorService ui = Executors.newSingleThreadExecutor();
    try (ReactiveContext shared = ReactiveContext.builder().effectExecutor(ui).build()) {
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        Counter counter = new ReactiveCounter(shared);
        Thread writer = new Thread(() -> {
          for (int i = 0; i < 2_000; i++) {
            counter.increment();
          }
        });
        writer.start();
        writer.join();
        ui.submit(() -> { }).get(45, TimeUnit.SECONDS); // the runs handed over before it
        List<Integer> logged = counter.countsLogged();
        assertEquals(2_000, logged.get(logged.size() - 1));
        for (int i = 1; i < logged.size(); i++) {
          assertTrue(logged.get(i - 1) < logged.get(i), "increasing, one run per change");
        }
      });
    } finally {
      ui.shutdownNow();
    }
  }
}
