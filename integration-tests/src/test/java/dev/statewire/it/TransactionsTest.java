package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Computed;
import dev.statewire.IllegalWriteException;
import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.StateMutationException;
import dev.statewire.Statewire;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transactions of generated classes (docs/lock-model.md): a commit is all or nothing, any throwable
 * rolls back, a rollback discards what was computed from the discarded writes, a computation
 * cannot start an action, and a failed nested action undoes only its own writes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransactionsTest {
  private final List<Throwable> reported = new CopyOnWriteArrayList<>();
  private final ReactiveContext context =
      ReactiveContext.builder()
          .name("transactions")
          .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
          .errorHandler((source, error) -> reported.add(error))
          .build();

  @Test
  void aCommitWhoseEqualsThrowsPublishesNothingAndRollsBack() throws Exception {
    ReactiveTrio trio = new ReactiveTrio(context);
    IllegalStateException broken = new IllegalStateException("equals is broken");

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () -> trio.setAll(5, Touchy.throwing(5, broken), 5));

    assertEquals(broken, thrown);
    assertEquals("0/0/0", committedState(trio));
    assertEquals("0/0/0", onAnotherThread(trio::state));
    trio.setFirst(1); // no StateMutationException: nothing was left half-written
    assertEquals("1/0/0", committedState(trio));
  }

  @Test
  void aCommitFailingWithAnErrorLeavesNothingForALaterAction() {
    ReactiveTrio trio = new ReactiveTrio(context);
    ReactiveTrio other = new ReactiveTrio(context);

    assertThrows(
        StackOverflowError.class,
        () -> trio.setAll(5, Touchy.throwing(5, new StackOverflowError("deep equals")), 5));
    other.setFirst(1); // an unrelated action afterwards publishes nothing of the failed one

    assertEquals("0/0/0", committedState(trio));
    assertEquals("1/0/0", committedState(other));
    trio.setLast(2);
    assertEquals("0/0/2", committedState(trio));
  }

  @Test
  void aFailingCommitRollsBackEveryParticipantOfTheSession() {
    ReactiveTrio first = new ReactiveTrio(context);
    ReactiveTrio second = new ReactiveTrio(context);

    assertThrows(
        IllegalStateException.class,
        () ->
            Statewire.lock(
                first,
                () -> {
                  first.setAll(1, Touchy.calm(1), 1);
                  second.setAll(2, Touchy.throwing(2, new IllegalStateException("equals")), 2);
                }));

    assertEquals("0/0/0", committedState(first));
    assertEquals("0/0/0", committedState(second));
    assertEquals("0/0/0", first.state());
  }

  @Test
  void aCheckedExceptionThrownSneakilyFromALambdaLockBlockRollsBack() {
    ReactiveTrio trio = new ReactiveTrio(context);

    assertThrows(
        IOException.class,
        () ->
            Statewire.lock(
                trio,
                () -> {
                  trio.setFirst(7);
                  throw TransactionsTest.<RuntimeException>sneaky(new IOException("disk"));
                }));

    assertEquals("0/0/0", committedState(trio));
  }

  @Test
  void aComputedEvaluatedOnWritesThatRollBackIsNotServedAfterwards() throws Exception {
    ReactiveTrio trio = new ReactiveTrio(context);
    Computed<Integer> sum = context.computed(() -> trio.getFirst() + trio.getLast());
    Computed<Integer> watched = context.computed(() -> trio.getFirst() * 10);
    List<Integer> seen = new CopyOnWriteArrayList<>();

    assertThrows(
        IllegalStateException.class,
        () ->
            Statewire.lock(
                trio,
                () -> {
                  trio.setAll(5, Touchy.calm(0), 5);
                  assertEquals(10, sum.get()); // read-your-writes inside the block
                  context.effect(() -> seen.add(watched.get())); // its first run sees 50
                  throw new IllegalStateException("abort");
                }));

    assertEquals(0, sum.get());
    assertEquals(0, onAnotherThread(sum::get));
    assertEquals(0, watched.get());
    assertEquals(0, onAnotherThread(watched::get));
    assertEquals(List.of(50, 0), seen); // the effect saw a discarded value: it ran again
    trio.setFirst(1);
    assertEquals(1, sum.get());
    assertEquals(List.of(50, 0, 10), seen);
  }

  @Test
  void aComputedEvaluatedOnAWriteBehindTheBackIsRecomputedOnceItIsFound() throws Exception {
    ReactiveTrio trio = new ReactiveTrio(context);
    Computed<Integer> sum = context.computed(() -> trio.getFirst() + trio.getLast());
    Field first = Trio.class.getDeclaredField("first");
    first.setAccessible(true);
    first.setInt(trio, 9); // behind the processor's back
    assertEquals(9, onAnotherThread(sum::get)); // evaluated under the lock, from the field

    assertThrows(StateMutationException.class, () -> trio.setLast(1));

    assertEquals(0, sum.get());
    assertEquals(0, onAnotherThread(sum::get));
  }

  @Test
  void anActionCalledInsideAComputationThrowsIllegalWriteException() {
    ReactiveTrio trio = new ReactiveTrio(context);
    Computed<Integer> impure =
        context.computed(
            () -> {
              trio.setFirst(3);
              return 0;
            });

    IllegalWriteException thrown = assertThrows(IllegalWriteException.class, impure::get);

    assertTrue(thrown.getMessage().contains("Trio"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("was computing"), thrown.getMessage());
    assertEquals("0/0/0", committedState(trio));
    assertThrows(IllegalWriteException.class, impure::get);
    assertEquals("0/0/0", committedState(trio));
  }

  @Test
  void aFailedNestedActionCaughtByTheOuterOneUndoesOnlyItsOwnWrites() {
    ReactiveTrio trio = new ReactiveTrio(context);

    trio.setFirstDespiteFailedLast(4, 9);

    assertEquals("4/0/0", committedState(trio));
  }

  @Test
  void aFailedNestedLambdaLockBlockUndoesOnlyItsOwnWrites() {
    ReactiveTrio trio = new ReactiveTrio(context);
    ReactiveTrio joinedInside = new ReactiveTrio(context);

    Statewire.lock(
        trio,
        () -> {
          trio.setFirst(1);
          try {
            Statewire.lock(
                trio,
                () -> {
                  trio.setLast(2);
                  joinedInside.setFirst(3);
                  throw new IllegalStateException("inner block fails");
                });
          } catch (IllegalStateException expected) {
            // the outer block goes on
          }
          assertEquals("1/0/0", trio.state());
        });

    assertEquals("1/0/0", committedState(trio));
    assertEquals("0/0/0", committedState(joinedInside));
  }

  @Test
  void anActionDeclaringCheckedExceptionsRunsUntrackedInsideAnEffect() {
    ReactiveMirror mirror = new ReactiveMirror(context);
    List<String> runs = new CopyOnWriteArrayList<>();
    context.effect(() -> {
      try {
        mirror.copyOrFail();
        mirror.copyOrTimeOut(); // two checked exceptions: no lambda can pass them on
      } catch (IOException | java.util.concurrent.TimeoutException e) {
        throw new AssertionError(e);
      }
      runs.add("copied");
    });
    mirror.setSource(1); // what the actions read: no dependency of the effect
    assertEquals(List.of("copied"), runs);
    assertEquals(0, mirror.getCopy());
  }

  @Test
  void anActionFailingInsideAnEffectKeepsNoneOfItsWrites() {
    ReactiveTrio trio = new ReactiveTrio(context);

    context.effect(() -> trio.setLastThenFail(3));

    assertEquals(1, reported.size(), reported::toString);
    assertEquals("0/0/0", committedState(trio));
    assertEquals("0/0/0", trio.state());
  }

  @Test
  void anActionFailingInsideABatchOrATryWithResourcesBlockKeepsNoneOfItsWrites() {
    ReactiveTrio trio = new ReactiveTrio(context);

    assertThrows(
        IllegalStateException.class, () -> context.batch(() -> trio.setLastThenFail(5)));
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (LockGuard block = Statewire.lock(trio)) {
            trio.setFirst(1);
            trio.setLastThenFail(6);
          }
        });

    assertEquals("1/0/0", committedState(trio)); // the block itself commits what it wrote
  }

  /** The committed state, as lock-free getters return it outside the lock. */
  private static String committedState(ReactiveTrio trio) {
    return trio.getFirst() + "/" + trio.getMiddle().value() + "/" + trio.getLast();
  }

  private static <T> T onAnotherThread(java.util.function.Supplier<T> read) throws Exception {
    return CompletableFuture.supplyAsync(read).get(10, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable failure) throws E {
    throw (E) failure;
  }
}
