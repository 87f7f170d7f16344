package dev.statewire.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.ResourceStatus;
import dev.statewire.Signal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The stages {@link AsyncDerived#next()} hands out. The context's executor queues its tasks
 * until the test runs them, so every load and every completion of a waiting stage happens
 * exactly when the test says.
 */
class AsyncDerivedTest {
  /** Queues tasks; {@link #runAll()} runs them (and those they queue) on the test thread. */
  private static final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      for (Runnable task = poll(); task != null; task = poll()) {
        task.run();
      }
    }

    private synchronized Runnable poll() {
      return tasks.poll();
    }
  }

  private final ManualExecutor executor = new ManualExecutor();
  private final ReactiveContext context = ReactiveContext.builder().executor(executor).build();
  private final Signal<Integer> id = context.signal(1);
  /** One future per load, in the order the loads ran. */
  private final List<CompletableFuture<String>> loads = new ArrayList<>();
  private final AsyncDerived<String> name =
      new AsyncDerived<>(
          context,
          "State.name()",
          () -> Arrays.asList(new Object[] {id.get()}),
          () -> {
            CompletableFuture<String> load = new CompletableFuture<>();
            loads.add(load);
            return load;
          });

  @Test
  void aSettledResourceGivesACompletedStage() {
    executor.runAll();
    loads.get(0).complete("one");
    assertEquals(ResourceStatus.RESOLVED, name.resource().status());
    assertEquals("one", name.next().getNow(null));

    IllegalStateException failure = new IllegalStateException("down");
    id.set(2);
    executor.runAll();
    loads.get(1).completeExceptionally(failure);
    CompletionException thrown = assertThrows(CompletionException.class, name.next()::join);
    assertSame(failure, thrown.getCause());
  }

  @Test
  void aWaitingStageCompletesOnTheExecutorWithTheNewestLoad() {
    CompletableFuture<String> waiting = name.next();
    executor.runAll();
    id.set(2);
    executor.runAll();
    assertTrue(loads.get(0).isCancelled());

    loads.get(1).complete("two");
    assertFalse(waiting.isDone(), "completed on the executor, not under the committing lock");
    List<Boolean> lockHeld = new ArrayList<>();
    waiting.thenRun(() -> lockHeld.add(context.isHeldByCurrentThread()));
    executor.runAll();

    assertEquals("two", waiting.join());
    assertEquals(List.of(false), lockHeld);
  }

  @Test
  void aLocalValueSettlesAWaitingStage() {
    CompletableFuture<String> waiting = name.next();
    name.resource().reload();
    executor.runAll();
    assertEquals(ResourceStatus.RELOADING, name.resource().status());

    name.resource().set("local");
    executor.runAll();

    assertEquals("local", waiting.join());
  }

  @Test
  void closeCancelsTheLoadAndTheWaitingStages() {
    CompletableFuture<String> waiting = name.next();
    executor.runAll();

    name.close();
    executor.runAll();

    assertTrue(name.resource().isClosed());
    assertEquals(ResourceStatus.IDLE, name.resource().status());
    assertTrue(loads.get(0).isCancelled());
    assertThrows(CancellationException.class, waiting::join);
    assertTrue(name.next().isCancelled());
    id.set(3);
    executor.runAll();
    assertEquals(1, loads.size());
  }

  @Test
  void closingTheContextCancelsTheLoadAndTheWaitingStages() {
    CompletableFuture<String> waiting = name.next();
    executor.runAll();

    context.close();
    executor.runAll();

    assertTrue(name.resource().isClosed());
    assertTrue(loads.get(0).isCancelled());
    assertThrows(CancellationException.class, waiting::join);
    name.close(); // the state object's own close() after its context's: nothing left to do
    executor.runAll();
  }
}
