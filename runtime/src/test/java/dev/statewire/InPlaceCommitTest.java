package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.statewire.support.TransactionHook;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A sole participant whose commit cannot fail ({@link Transactional#commitCannotFail()}) has its
 * writes published as it hands them over, not collected first. What the collected commit
 * guarantees must still hold: effects and lock-free readers see all of a commit or none of it, a
 * commit that changes nothing invalidates nothing, and a store's hook or a spy that watches the
 * commit still sees every write before it is published.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class InPlaceCommitTest {
  /** Two {@code int} fields kept equal, committed as a generated all-primitive class commits. */
  private static final class Pair implements Transactional {
    final ReactiveContext context;
    final IntSignal left;
    final IntSignal right;
    int leftValue;
    int rightValue;

    Pair(ReactiveContext context) {
      this.context = context;
      this.left = context.intSignal(0).named("Pair.left");
      this.right = context.intSignal(0).named("Pair.right");
    }

    void increment() {
      try (LockGuard guard = context.enter()) {
        context.join(this);
        leftValue++;
        rightValue++;
      }
    }

    @Override
    public boolean commitCannotFail() {
      return true;
    }

    @Override
    public void commit() {
      if (leftValue != left.peekInt()) {
        context.commitWrite(left, leftValue);
      }
      if (rightValue != right.peekInt()) {
        context.commitWrite(right, rightValue);
      }
    }

    @Override
    public void rollback() {
      leftValue = left.peekInt();
      rightValue = right.peekInt();
    }
  }

  @Test
  void anEffectSeesBothWritesOfTheCommitAtOnce() {
    ReactiveContext ctx = ReactiveContext.create();
    Pair pair = new Pair(ctx);
    List<String> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(pair.left.getInt() + "/" + pair.right.getInt()));

    pair.increment();
    pair.increment();

    assertEquals(List.of("0/0", "1/1", "2/2"), seen);
    assertFalse(ctx.isHeldByCurrentThread());
  }

  @Test
  void aLockFreeReaderNeverSeesHalfACommit() throws InterruptedException {
    ReactiveContext ctx = ReactiveContext.create();
    Pair pair = new Pair(ctx);
    Computed<Integer> difference =
        ctx.computed(() -> pair.left.getInt() - pair.right.getInt());
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger halfSeen = new AtomicInteger();
    AtomicInteger reads = new AtomicInteger();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        if (difference.get() != 0) {
          halfSeen.incrementAndGet();
        }
        reads.incrementAndGet();
      }
    });
    reader.start();
    for (int i = 0; i < 20_000; i++) {
      pair.increment();
    }
    done.set(true);
    reader.join();

    assertEquals(0, halfSeen.get(), "reads of " + reads.get() + " saw one field of a commit");
    assertEquals(20_000, pair.left.peekInt());
    assertEquals(20_000, pair.right.peekInt());
  }

  @Test
  void aCommitThatChangesNothingKeepsAnUnwatchedComputedCached() {
    ReactiveContext ctx = ReactiveContext.create();
    Pair pair = new Pair(ctx);
    CountingComputed<Integer> sum =
        new CountingComputed<>(ctx, () -> pair.left.getInt() + pair.right.getInt());
    assertEquals(1, sum.runsAfterRead());

    try (LockGuard guard = ctx.enter()) {
      ctx.join(pair); // joins, writes nothing
    }
    assertEquals(1, sum.runsAfterRead(), "nothing was published, so nothing is stale");

    pair.increment();
    assertEquals(2, sum.runsAfterRead());
    assertEquals(2, sum.get());
  }

  @Test
  void aStoresHookStillSeesTheWritesBeforeTheyArePublished() {
    List<String> committed = new CopyOnWriteArrayList<>();
    AtomicInteger leftWhenHookCommitted = new AtomicInteger(-1);
    Pair[] pair = new Pair[1];
    TransactionHook hook = new TransactionHook() {
      @Override
      public void beforeJoin(ReactiveContext context, Transactional participant, boolean first) {}

      @Override
      public void commit(ReactiveContext context, Writes writes) {
        for (int i = 0; i < writes.size(); i++) {
          committed.add(writes.signal(i).describe() + "=" + writes.value(i));
        }
        leftWhenHookCommitted.set(pair[0].left.peekInt());
      }

      @Override
      public void abort(ReactiveContext context) {}
    };
    ReactiveContext ctx = ReactiveContext.builder().transactionHook(hook).build();
    pair[0] = new Pair(ctx);

    pair[0].increment();

    assertEquals(List.of("IntSignal 'Pair.left'=1", "IntSignal 'Pair.right'=1"), committed);
    assertEquals(0, leftWhenHookCommitted.get(), "the hook commits before anything is published");
    assertEquals(1, pair[0].left.peekInt());
  }

  @Test
  void aSpyStillSeesTheCommittedWrites() {
    ReactiveContext ctx = ReactiveContext.create();
    Pair pair = new Pair(ctx);
    List<SpyEvent> events = new CopyOnWriteArrayList<>();
    try (SpyRegistration registration = ctx.spy(events::add)) {
      pair.increment();
    }

    List<SpyEvent> commits =
        events.stream().filter(e -> e instanceof SpyEvent.Committed).toList();
    assertEquals(1, commits.size(), events.toString());
    assertEquals(2, ((SpyEvent.Committed) commits.get(0)).changes().size(), commits.toString());
    assertEquals(1, pair.right.peekInt());
  }
}
