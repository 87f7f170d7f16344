package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Computed;
import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Without a spy listener the runtime builds no event: a write that recomputes a value and runs an
 * effect allocates nothing, before any listener was attached and after the last one closed. (In
 * integration-tests because the runtime's own tests run inside its module, which does not read
 * {@code java.management}.)
 */
class DetachedSpyAllocationTest {
  private static final int WRITES = 2_000;
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final ReactiveContext context = ReactiveContext.builder().name("allocation").build();
  private final Signal<Integer> count = context.signal(0);
  private final Computed<String> parity =
      context.computed(() -> count.get() % 2 == 0 ? "even" : "odd");
  private final Integer[] values = new Integer[WRITES];

  @Test
  void writesAllocateNothingWithoutAListenerAndEventsWithOne() {
    context.effect(() -> parity.get());
    for (int i = 0; i < WRITES; i++) {
      values[i] = 1_000 + i; // boxed up front: the writes themselves box nothing
    }
    assertTrue(threads.isThreadAllocatedMemorySupported());
    assertEquals(0, fewestBytesPerRound(), "no listener was ever attached");
    context.spy(event -> { }).close();
    assertEquals(0, fewestBytesPerRound(), "the last listener was closed");
    context.spy(event -> { });
    assertTrue(fewestBytesPerRound() > WRITES * 16L, "with a listener, each write builds events");
  }

  /** The fewest bytes this thread allocated in one round of writes, over five rounds. */
  private long fewestBytesPerRound() {
    long fewest = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      for (Integer value : values) {
        count.set(value);
      }
      fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
    }
    return fewest;
  }
}
