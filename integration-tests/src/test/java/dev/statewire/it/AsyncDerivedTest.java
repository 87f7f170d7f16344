package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ClosedException;
import dev.statewire.ReactiveContext;
import dev.statewire.Resource;
import dev.statewire.ResourceErrorException;
import dev.statewire.ResourceStatus;
import dev.statewire.Statewire;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Async {@code @Derived} methods (docs/async-state.md) on a real generated class, {@link UserProfile}.
 * Most tests run the loaders in place (an executor that runs tasks on the calling thread), so
 * every step is deterministic; the first runs them on the context's own executor.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsyncDerivedTest {
  private final ReactiveContext inPlace =
      ReactiveContext.builder().name("in place").executor(Runnable::run).build();

  @Test
  void loadsAtConstructionOnTheExecutorAndResolves() throws Exception {
    ScriptedDirectory directory = new ScriptedDirectory(false);
    ReactiveUserProfile profile =
        new ReactiveUserProfile(ReactiveContext.create(), directory, 1);
    Resource<?, String> name = profile.nameResource();
    CompletableFuture<String> first = profile.name().toCompletableFuture();

    ScriptedDirectory.Lookup lookup = directory.lookup(0);
    assertEquals(1, lookup.userId());
    assertEquals(ResourceStatus.LOADING, name.status());
    lookup.answer().complete("Ada");

    assertEquals("Ada", first.get(10, TimeUnit.SECONDS));
    assertEquals(ResourceStatus.RESOLVED, name.status());
    assertEquals(ResourceStatus.LOADING, name.previousStatus());
    assertEquals("Ada", name.value());
    assertEquals("Ada", profile.name().toCompletableFuture().getNow(null));
    assertEquals(3, profile.nameLength().toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertEquals(1, directory.count());
    profile.close();
  }

  @Test
  void aFieldChangeReloadsAndCancelsTheStaleLoad() throws Exception {
    ScriptedDirectory directory = new ScriptedDirectory(false);
    ReactiveUserProfile profile = new ReactiveUserProfile(inPlace, directory, 1);
    ScriptedDirectory.Lookup stale = directory.lookup(0);
    CompletableFuture<String> waiting = profile.name().toCompletableFuture();

    profile.select(2);

    assertTrue(stale.answer().isCancelled());
    assertEquals(ResourceStatus.LOADING, profile.nameResource().status());
    ScriptedDirectory.Lookup current = directory.lookup(1);
    assertEquals(2, current.userId());
    assertFalse(waiting.isDone());
    current.answer().complete("Grace");
    assertEquals("Grace", waiting.getNow(null));
    assertEquals("Grace", profile.nameResource().value());
    assertEquals(5, profile.nameLengthResource().value());

    profile.setSalutation("Hi");
    assertEquals(2, directory.count());
    profile.select(2);
    assertEquals(2, directory.count());
  }

  @Test
  void aSlowStaleLoadNeverOverwritesTheNewerValue() throws Exception {
    ScriptedDirectory directory = new ScriptedDirectory(true);
    ReactiveUserProfile profile = new ReactiveUserProfile(inPlace, directory, 1);
    ScriptedDirectory.Lookup stale = directory.lookup(0);
    profile.select(2);
    directory.lookup(1).answer().complete("Grace");
    assertEquals("Hello, Grace", profile.greeting());

    stale.answer().complete("Ada");

    assertEquals(ResourceStatus.RESOLVED, profile.nameResource().status());
    assertEquals("Grace", profile.nameResource().value());
    assertEquals("Grace", profile.name().toCompletableFuture().getNow(null));
    assertEquals("Hello, Grace", profile.greeting());
    assertEquals(List.of("...", "Hello, Grace"), profile.rendered());
  }

  @Test
  void derivedValuesAndEffectsReactToTheResource() throws Exception {
    ScriptedDirectory directory = new ScriptedDirectory(false);
    ReactiveUserProfile profile = new ReactiveUserProfile(inPlace, directory, 1);
    List<ResourceStatus> statuses = new CopyOnWriteArrayList<>();
    var watcher = inPlace.effect(() -> statuses.add(profile.nameResource().status()));
    assertEquals("...", profile.greeting());

    directory.lookup(0).answer().complete("Ada");
    assertEquals("Hello, Ada", profile.greeting());
    profile.setSalutation("Hi");
    profile.select(2);
    directory.lookup(1).answer().complete("Grace");

    assertEquals(
        List.of(
            ResourceStatus.LOADING,
            ResourceStatus.RESOLVED,
            ResourceStatus.LOADING,
            ResourceStatus.RESOLVED),
        statuses);
    assertEquals(List.of("...", "Hello, Ada", "Hi, Ada", "...", "Hi, Grace"), profile.rendered());
    watcher.close();
  }

  @Test
  void aFailedLoadIsAnErrorUntilTheNextLoadSucceeds() throws Exception {
    ScriptedDirectory directory = new ScriptedDirectory(false);
    ReactiveUserProfile profile = new ReactiveUserProfile(inPlace, directory, 1);
    IllegalStateException failure = new IllegalStateException("directory down");

    directory.lookup(0).answer().completeExceptionally(failure);

    Resource<?, String> name = profile.nameResource();
    assertEquals(ResourceStatus.ERROR, name.status());
    assertSame(failure, name.error());
    assertThrows(ResourceErrorException.class, name::value);
    ExecutionException thrown =
        assertThrows(ExecutionException.class, () -> profile.name().toCompletableFuture().get());
    assertSame(failure, thrown.getCause());
    assertEquals("(unknown)", profile.greeting());

    profile.select(2);
    directory.lookup(1).answer().complete("Grace");
    assertEquals(ResourceStatus.RESOLVED, name.status());
    assertEquals("Grace", name.value());
  }

  @Test
  void aLocalValueReplacesTheLoadedOneUntilTheNextChange() throws Exception {
    ScriptedDirectory directory = new ScriptedDirectory(false);
    ReactiveUserProfile profile = new ReactiveUserProfile(inPlace, directory, 1);
    directory.lookup(0).answer().complete("Ada");

    profile.nameResource().set("Ada L.");

    assertEquals(ResourceStatus.LOCAL, profile.nameResource().status());
    assertEquals("Ada L.", profile.name().toCompletableFuture().getNow(null));
    assertEquals("Hello, Ada L.", profile.greeting());
    profile.select(2);
    directory.lookup(1).answer().complete("Grace");
    assertEquals("Hello, Grace", profile.greeting());
  }

  @Test
  void insideALockBlockWithWritesTheMethodRunsAfreshOnThoseWrites() throws Exception {
    ScriptedDirectory directory = new ScriptedDirectory(false);
    ReactiveUserProfile profile = new ReactiveUserProfile(inPlace, directory, 1);
    directory.lookup(0).answer().complete("Ada");

    AtomicReference<CompletionStage<String>> fresh = new AtomicReference<>();
    Statewire.lock(
        profile,
        () -> {
          profile.select(9);
          fresh.set(profile.name());
        });

    assertSame(directory.lookup(1).answer(), fresh.get());
    assertEquals(9, directory.lookup(1).userId());
    assertEquals(9, directory.lookup(2).userId());
    assertEquals(3, directory.count());
  }

  @Test
  void concurrentChangesEndWithTheValueOfTheLastOne() throws Exception {
    ExecutorService answering = Executors.newFixedThreadPool(2);
    ExecutorService selecting = Executors.newFixedThreadPool(3);
    try {
      Directory answersLaterIgnoringCancellation =
          userId -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            answering.execute(() -> answer.complete("user-" + userId));
            return answer.minimalCompletionStage();
          };
      ReactiveUserProfile profile =
          new ReactiveUserProfile(ReactiveContext.create(), answersLaterIgnoringCancellation, 0);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int writer = w;
        writers.add(
            selecting.submit(
                () -> {
                  for (int i = 1; i <= 200; i++) {
                    profile.select(writer * 1000L + i);
                  }
                }));
      }
      for (Future<?> writer : writers) {
        writer.get(20, TimeUnit.SECONDS);
      }

      long last = profile.userId();
      assertEquals("user-" + last, profile.name().toCompletableFuture().get(20, TimeUnit.SECONDS));
      assertEquals(ResourceStatus.RESOLVED, profile.nameResource().status());
      assertEquals("user-" + last, profile.nameResource().value());
      assertEquals(("user-" + last).length(), profile.nameLength().toCompletableFuture().join());
    } finally {
      selecting.shutdownNow();
      answering.shutdownNow();
    }
  }

  @Test
  void aChainReloadsDownstreamOnlyWhenTheUpstreamValueChanges() {
    Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    ReactiveContext queued = ReactiveContext.builder().name("queued").executor(tasks::add).build();
    ReactiveHalves halves = new ReactiveHalves(queued);
    halves.setS(4);
    runAll(tasks);
    assertEquals(1, halves.hResource().value());
    halves.takeLoads();

    halves.setS(5); // f = 5, but g = 2 as before: h does not reload
    runAll(tasks);

    assertEquals(List.of("f", "g"), halves.takeLoads());
    assertEquals(ResourceStatus.RESOLVED, halves.hResource().status());
    assertEquals(1, halves.hResource().value());

    halves.setS(8); // g = 4: h reloads, once
    runAll(tasks);

    assertEquals(List.of("f", "g", "h"), halves.takeLoads());
    assertEquals(2, halves.hResource().value());
    halves.close();
  }

  /** Runs the queued tasks, and those they queue, on this thread. */
  private static void runAll(Queue<Runnable> tasks) {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
    }
  }

  @Test
  void closeClosesTheResourceAndCancelsWhatWaits() throws Exception {
    ScriptedDirectory directory = new ScriptedDirectory(false);
    ReactiveUserProfile profile = new ReactiveUserProfile(inPlace, directory, 1);
    ScriptedDirectory.Lookup running = directory.lookup(0);
    CompletableFuture<String> waiting = profile.name().toCompletableFuture();

    profile.close();

    Resource<?, String> name = profile.nameResource();
    assertTrue(name.isClosed());
    assertEquals(ResourceStatus.IDLE, name.status());
    assertTrue(running.answer().isCancelled());
    assertThrows(CancellationException.class, waiting::join);
    assertTrue(profile.name().toCompletableFuture().isCancelled());
    assertThrows(ClosedException.class, () -> profile.select(2));
    assertEquals(1, directory.count());
    assertEquals(List.of("..."), profile.rendered());
  }
}
