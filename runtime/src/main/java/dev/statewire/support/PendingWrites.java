package dev.statewire.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts, per thread, the state objects that joined the lock session the thread is in and may
 * hold uncommitted writes. A derived value read on such a thread is computed from the plain
 * fields instead of its cache (read-your-writes). A global count keeps the check to one
 * volatile read while no session is open anywhere.
 */
final class PendingWrites {
  private static final AtomicInteger THREADS_WITH_PENDING = new AtomicInteger();
  private static final ThreadLocal<int[]> OBJECTS = ThreadLocal.withInitial(() -> new int[1]);

  private PendingWrites() {}

  /** A state object joined the session of the current thread. */
  static void opened() {
    int[] count = OBJECTS.get();
    if (count[0]++ == 0) {
      THREADS_WITH_PENDING.incrementAndGet();
    }
  }

  /** A state object of the current thread's session committed or rolled back. */
  static void closed() {
    int[] count = OBJECTS.get();
    if (--count[0] == 0) {
      THREADS_WITH_PENDING.decrementAndGet();
    }
  }

  /** Whether the current thread is in a lock session that some state object joined. */
  static boolean onCurrentThread() {
    return THREADS_WITH_PENDING.get() != 0 && OBJECTS.get()[0] != 0;
  }
}
