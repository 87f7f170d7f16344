package dev.statewire.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionHookTest {
  private final RecordingHook hook = new RecordingHook();
  private final ReactiveContext ctx = ReactiveContext.builder().transactionHook(hook).build();
  private final Cell a = new Cell(ctx, "a");
  private final Cell b = new Cell(ctx, "b");

  @Test
  void hookSeesTheFirstJoinEveryJoinAndTheWritesBeforeTheyArePublished() {
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.signal.get()));
    hook.onCommit = writes -> {
      assertEquals(1, writes.size());
      assertSame(a.signal, writes.signal(0));
      assertEquals(5, writes.value(0));
      assertEquals(0, a.signal.peek(), "not published yet");
    };
    try (LockGuard guard = ctx.enter()) {
      a.write(5);
      b.join();
    }
    assertEquals(List.of("join a first", "join b", "commit"), hook.calls);
    assertEquals(List.of(0, 5), seen);
  }

  @Test
  void refusedCommitPublishesNothingAndRollsBack() {
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.signal.get()));
    IllegalStateException refusal = new IllegalStateException("lease lost");
    hook.onCommit = writes -> {
      throw refusal;
    };
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
      try (LockGuard guard = ctx.enter()) {
        a.write(5);
      }
    });
    assertSame(refusal, thrown);
    assertEquals(List.of("join a first", "commit"), hook.calls, "no abort after a refusal");
    assertEquals(0, a.value, "rolled back");
    assertEquals(0, a.signal.peek());
    assertEquals(List.of(0), seen, "no effect ran");
  }

  @Test
  void failedBlockAborts() {
    try (LockGuard guard = ctx.enter()) {
      a.write(5);
      guard.markFailed();
    }
    assertEquals(List.of("join a first", "abort"), hook.calls);
    assertEquals(0, a.signal.peek());
  }

  @Test
  void participantRefusingToBeginAbortsTheTransactionItStarted() {
    a.value = 9; // a write behind the lock's back: begin() refuses
    assertThrows(StateMutationException.class, () -> {
      try (LockGuard guard = ctx.enter()) {
        a.join();
      }
    });
    assertEquals(List.of("join a first", "abort"), hook.calls);
  }

  @Test
  void hookRefusingTheFirstJoinLeavesNoTransaction() {
    hook.refuseJoin = true;
    assertThrows(IllegalStateException.class, () -> {
      try (LockGuard guard = ctx.enter()) {
        a.write(5);
      }
    });
    assertEquals(List.of("join a first"), hook.calls);
    assertEquals(0, a.value);
    assertFalse(ctx.isHeldByCurrentThread());
  }

  @Test
  void commitApartPublishesAtOnceUnseenByTheHookAndSurvivesTheBlocksRollback() {
    List<Integer> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(a.signal.get()));
    hook.onFirstJoin = () -> ctx.commitApart(() -> a.write(7));
    try (LockGuard guard = ctx.enter()) {
      b.write(1);
      assertEquals(7, a.signal.peek(), "committed apart, before the block's body");
      guard.markFailed();
    }
    assertEquals(List.of("join b first", "abort"), hook.calls);
    assertEquals(7, a.signal.peek(), "the block's rollback keeps the commit made apart");
    assertEquals(0, b.signal.peek());
    assertEquals(List.of(0, 7), seen, "its effects ran when the session ended");
  }

  @Test
  void commitApartThatThrowsRollsBackItsWrites() {
    IllegalArgumentException failure = new IllegalArgumentException("bad value");
    try (LockGuard guard = ctx.enter()) {
      assertSame(failure, assertThrows(IllegalArgumentException.class, () -> ctx.commitApart(() -> {
        a.write(3);
        throw failure;
      })));
      assertEquals(0, a.value);
      b.write(2);
    }
    assertEquals(0, a.signal.peek());
    assertEquals(2, b.signal.peek(), "the session goes on and commits");
  }

  @Test
  void commitApartRefusedWhileATransactionIsOpen() {
    try (LockGuard guard = ctx.enter()) {
      a.write(1);
      assertThrows(IllegalStateException.class, () -> ctx.commitApart(() -> {}));
    }
    assertThrows(IllegalStateException.class, () -> ctx.commitApart(() -> {}), "lock not held");
  }

  /** Records what the context tells it; can refuse the first join or the commit. */
  private static final class RecordingHook implements TransactionHook {
    final List<String> calls = new ArrayList<>();
    boolean refuseJoin;
    Runnable onFirstJoin = () -> {};
    java.util.function.Consumer<Writes> onCommit = writes -> {};

    @Override
    public void beforeJoin(ReactiveContext context, Transactional participant, boolean first) {
      calls.add("join " + participant + (first ? " first" : ""));
      if (refuseJoin) {
        throw new IllegalStateException("refused");
      }
      if (first) {
        onFirstJoin.run();
      }
    }

    @Override
    public void commit(ReactiveContext context, Writes writes) {
      calls.add("commit");
      onCommit.accept(writes);
    }

    @Override
    public void abort(ReactiveContext context) {
      calls.add("abort");
    }
  }

  /** One field of a state object, committed through commitWrite as generated classes do. */
  private static final class Cell implements Transactional {
    final Signal<Integer> signal;
    final ReactiveContext ctx;
    final String name;
    int value;

    Cell(ReactiveContext ctx, String name) {
      this.ctx = ctx;
      this.name = name;
      this.signal = ctx.signal(0);
    }

    void join() {
      ctx.join(this);
    }

    void write(int v) {
      join();
      value = v;
    }

    @Override
    public void begin() {
      if (value != signal.peek()) {
        value = signal.peek();
        throw new StateMutationException("Cell", name);
      }
    }

    @Override
    public void commit() {
      if (value != signal.peek()) {
        ctx.commitWrite(signal, value);
      }
    }

    @Override
    public void rollback() {
      value = signal.peek();
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
