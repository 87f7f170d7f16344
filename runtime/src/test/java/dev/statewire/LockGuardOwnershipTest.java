package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A {@link LockGuard} belongs to the thread that took the lock, as {@code ReentrantLock} does:
 * another thread cannot close it or mark it failed, and doing so changes nothing.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class LockGuardOwnershipTest {
  private final ReactiveContext ctx = ReactiveContext.create();
  private final Signal<Integer> value = ctx.signal(0).named("value");
  private final List<Integer> seen = new CopyOnWriteArrayList<>();

  @Test
  void closingOnAnotherThreadFailsAndChangesNothing() throws Exception {
    ctx.effect(() -> seen.add(value.get()));
    LockGuard guard = ctx.enter();
    value.set(1); // inside the session: the effect runs when the guard closes

    IllegalMonitorStateException thrown = OtherThread.call(() -> assertThrows(
        IllegalMonitorStateException.class, guard::close));
    assertTrue(thrown.getMessage().contains("Close a guard on the thread that took it"),
        thrown.getMessage());
    assertThrows(IllegalMonitorStateException.class, () -> OtherThread.call(() -> {
      guard.markFailed();
      return null;
    }));

    assertTrue(ctx.isHeldByCurrentThread(), "the owner lost the lock");
    assertEquals(List.of(0), seen, "the session was settled on the wrong thread");
    assertNull(OtherThread.call(this::tryEnterBriefly), "another thread got the lock");

    guard.close(); // the owner's close still commits and releases
    assertEquals(List.of(0, 1), seen);
    assertNotNull(OtherThread.call(this::tryEnterBriefly), "the lock was never released");
  }

  @Test
  void closingTwiceOnTheOwnerThreadIsANoOp() throws Exception {
    ctx.effect(() -> seen.add(value.get()));
    LockGuard outer = ctx.enter();
    LockGuard inner = ctx.enter();
    value.set(1);
    inner.close();
    inner.close(); // must not leave the outer level too
    assertTrue(ctx.isHeldByCurrentThread());
    assertEquals(List.of(0), seen);
    outer.close();
    outer.close();
    assertEquals(List.of(0, 1), seen);
    assertNotNull(OtherThread.call(this::tryEnterBriefly));
  }

  private LockGuard tryEnterBriefly() {
    try {
      LockGuard g = ctx.tryEnter(Duration.ofMillis(50));
      if (g != null) {
        g.close();
      }
      return g;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
