package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.support.TransactionHook;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The end of a lock session with one participant, the common case the session path is shaped
 * for, and the cases it must not take a short cut in: an effect of the commit that throws, a
 * participant that joins while the first one commits, and a commit that fails with an Error
 * while a store's hook is open.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class SessionFinishTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Throwable> handled = new CopyOnWriteArrayList<>();

  @Test
  void anEffectThatThrowsAfterASoleParticipantsCommitKeepsTheCommitAndFreesTheLock() {
    ReactiveContext ctx = ReactiveContext.builder()
        .errorHandler((source, error) -> handled.add(error))
        .build();
    CellParticipant cell = new CellParticipant(ctx, "cell");
    RuntimeException boom = new RuntimeException("effect failed");
    ctx.effect(() -> {
      if (cell.signal.get() == 1) {
        throw boom;
      }
    });
    ActionScope outermost = ActionScope.outermost(ctx);

    ActionScope action = outermost.enter(cell);
    cell.value = 1;
    action.exit();

    assertEquals(1, cell.signal.peek(), "the commit is kept: the effect ran after it");
    assertEquals(List.of(boom), handled);
    assertFalse(ctx.isHeldByCurrentThread());
    ActionScope next = outermost.enter(cell);
    cell.value = 2;
    next.exit();
    assertEquals(2, cell.signal.peek());
  }

  @Test
  void aParticipantJoiningWhileTheFirstCommitsIsFinishedBeforeTheSessionEnds() {
    ReactiveContext ctx = ReactiveContext.create();
    CellParticipant late = new CellParticipant(ctx, "late");
    CellParticipant first = new CellParticipant(ctx, "first") {
      @Override
      public void commit() {
        ctx.join(late); // a comparison calling an action on another object, say
        late.value = 7;
        super.commit();
      }
    };
    ctx.effect(() -> events.add(first.signal.get() + "/" + late.signal.get()));

    try (LockGuard guard = ctx.enter()) {
      ctx.join(first);
      first.value = 1;
    }

    assertEquals(1, first.signal.peek());
    assertEquals(7, late.signal.peek(), "the late participant committed before the lock was "
        + "released");
    assertEquals(List.of("0/0", "1/0", "1/7"), events, "the late one commits on its own, after "
        + "the effects of the first commit ran");
    assertFalse(ctx.isInTransaction());
  }

  @Test
  void aSecondParticipantJoinedInTheBodyRollsBackWithTheFirstWhenItsCommitFails() {
    ReactiveContext ctx = ReactiveContext.create();
    AssertionError failure = new AssertionError("commit failed");
    CellParticipant first = new CellParticipant(ctx, "first");
    CellParticipant second = new CellParticipant(ctx, "second") {
      @Override
      public void commit() {
        super.commit();
        throw failure;
      }
    };

    AssertionError thrown = assertThrows(AssertionError.class, () -> {
      try (LockGuard guard = ctx.enter()) {
        ctx.join(first);
        first.value = 1;
        ctx.join(second);
        second.value = 2;
      }
    });

    assertSame(failure, thrown);
    assertEquals(0, first.signal.peek(), "nothing is published when one commit fails");
    assertEquals(0, second.signal.peek());
    assertEquals(0, first.value, "every participant rolled back");
    assertEquals(0, second.value);
    assertFalse(ctx.isHeldByCurrentThread());
  }

  @Test
  void aSoleParticipantsCommitFailingWithAnErrorAbortsTheHookAndPublishesNothing() {
    ReactiveContext ctx = ReactiveContext.builder().transactionHook(new TransactionHook() {
      @Override
      public void beforeJoin(ReactiveContext context, Transactional participant, boolean first) {
        events.add("join " + first);
      }

      @Override
      public void commit(ReactiveContext context, Writes writes) {
        events.add("commit " + writes.size());
      }

      @Override
      public void abort(ReactiveContext context) {
        events.add("abort");
      }
    }).build();
    StackOverflowError failure = new StackOverflowError();
    CellParticipant cell = new CellParticipant(ctx, "cell") {
      @Override
      public void commit() {
        super.commit();
        if (value == 1) {
          throw failure;
        }
      }
    };
    ctx.effect(() -> events.add("seen " + cell.signal.get()));
    ActionScope outermost = ActionScope.outermost(ctx);

    ActionScope action = outermost.enter(cell);
    cell.value = 1;
    assertSame(failure, assertThrows(StackOverflowError.class, action::exit));

    assertEquals(0, cell.signal.peek());
    assertEquals(0, cell.value);
    assertEquals(List.of("seen 0", "join true", "abort"), events);
    ActionScope next = outermost.enter(cell);
    cell.value = 2;
    next.exit();
    assertEquals(2, cell.signal.peek());
    assertEquals(List.of("seen 0", "join true", "abort", "join true", "commit 1", "seen 2"),
        events);
  }
}
