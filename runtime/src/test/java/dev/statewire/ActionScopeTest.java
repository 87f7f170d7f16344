package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The scope of a generated action ({@link ActionScope}): an outermost action commits, a failed
 * one rolls back, a failed nested one goes back to its savepoint; the body runs untracked; and
 * a scope ended on the wrong thread, twice or out of order fails and changes nothing.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class ActionScopeTest {
  private final ReactiveContext ctx = ReactiveContext.create();
  private final CellParticipant cell = new CellParticipant(ctx, "cell");
  private final ActionScope outermost = ActionScope.outermost(ctx);
  private final List<Integer> seen = new CopyOnWriteArrayList<>();

  @Test
  void anOutermostActionSharesTheScopeAndCommitsAtExit() {
    ctx.effect(() -> seen.add(cell.signal.get()));
    ActionScope action = outermost.enter(cell);
    assertSame(outermost, action, "an outermost action must not allocate a scope");
    cell.value = 1;
    assertEquals(List.of(0), seen);
    action.exit();
    assertEquals(List.of(0, 1), seen);
    assertFalse(ctx.isHeldByCurrentThread());
  }

  @Test
  void aFailedOutermostActionRollsBackAndKeepsWhatExitingThrowsAsSuppressed() {
    ActionScope action = outermost.enter(cell);
    cell.value = 1;
    cell.failRollback = new IllegalStateException("rollback failed");
    RuntimeException failure = new RuntimeException("body failed");
    action.fail(failure);
    assertEquals(0, cell.signal.peek());
    assertEquals(List.of(cell.failRollback), List.of(failure.getSuppressed()));
    assertFalse(ctx.isHeldByCurrentThread());
  }

  @Test
  void aFailedNestedActionGoesBackToItsSavepointAndTheOuterOneCommits() {
    ActionScope outer = outermost.enter(cell);
    cell.value = 1;
    ActionScope inner = outermost.enter(cell);
    assertNotSame(outermost, inner);
    cell.value = 2;
    inner.fail(new RuntimeException("inner failed"));
    assertEquals(1, cell.value, "the nested action's write was not undone");
    assertTrue(ctx.isHeldByCurrentThread());
    outer.exit();
    assertEquals(1, cell.signal.peek());
  }

  @Test
  void aNestedActionInsideAnEffectIsUntrackedAndTrackingResumesAfterIt() {
    Signal<Integer> other = ctx.signal(0).named("other");
    List<Integer> runs = new ArrayList<>();
    ctx.effect(() -> {
      runs.add(other.get());
      ActionScope action = outermost.enter(cell);
      cell.signal.get(); // read inside the action: no dependency of the effect
      action.exit();
      other.get(); // read after it: a dependency again
    });
    ctx.batch(() -> cell.signal.set(5));
    assertEquals(List.of(0), runs, "the effect depends on what the action read");
    other.set(1);
    assertEquals(List.of(0, 1), runs, "tracking did not resume after the action");
  }

  @Test
  void endingOnAnotherThreadFailsAndChangesNothing() throws Exception {
    ctx.effect(() -> seen.add(cell.signal.get()));
    ActionScope action = outermost.enter(cell);
    cell.value = 1;
    IllegalMonitorStateException thrown =
        OtherThread.call(() -> assertThrows(IllegalMonitorStateException.class, action::exit));
    assertTrue(thrown.getMessage().contains("on the thread that entered it"), thrown.getMessage());
    OtherThread.call(() -> assertThrows(IllegalMonitorStateException.class,
        () -> action.fail(new RuntimeException())));
    assertTrue(ctx.isHeldByCurrentThread(), "the owner lost the lock");
    assertEquals(List.of(0), seen);
    action.exit();
    assertEquals(List.of(0, 1), seen);
  }

  @Test
  void endingTwiceOrOutOfOrderFailsAndChangesNothing() {
    ActionScope outer = outermost.enter(cell);
    ActionScope inner = outermost.enter(cell);
    assertThrows(IllegalMonitorStateException.class, outer::exit);
    assertTrue(ctx.isHeldByCurrentThread());
    inner.exit();
    assertThrows(IllegalMonitorStateException.class, inner::exit);
    assertTrue(ctx.isHeldByCurrentThread(), "ending the nested scope twice left the outer one");
    outer.exit();
    assertFalse(ctx.isHeldByCurrentThread());
    assertThrows(IllegalMonitorStateException.class, outer::exit);
  }

  @Test
  void anActionStartedInsideAComputationFailsAndLeavesTheLockAsItWas() {
    Computed<Integer> writing = ctx.computed(() -> {
      outermost.enter(cell);
      return 0;
    });
    assertThrows(IllegalWriteException.class, writing::get);
    assertFalse(ctx.isHeldByCurrentThread());
  }
}
