package dev.statewire;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reports long lock holds without timing each lock session: it samples the lock stamp of every
 * context that took its lock lately, and a hold seen with the same odd stamp (the same
 * acquisition, see {@link dev.statewire.internal.ContextLock}) by two samples at least the
 * context's threshold apart lasted at least that long, so it is reported to the context's error
 * handler as {@link LockHeldTooLongException}, once, while it still goes on.
 *
 * <p>A hold shorter than the threshold is never reported; one longer than the threshold plus a
 * sampling period (a quarter of the smallest threshold, between 1 and 250 ms) always is. The
 * {@linkplain #JVM JVM's watchdog} samples on one daemon thread, {@code statewire-lock-watchdog},
 * that runs only while some context is watched: a context is watched from its first lock
 * acquisition until it was seen idle (unlocked, stamp unchanged) for a second, or closed. The
 * lock session itself pays one read of {@link ReactiveContext#lockWatched} per acquisition.
 */
final class LockWatchdog {
  /** The watchdog of every context in this JVM. */
  static final LockWatchdog JVM = new LockWatchdog(true);

  private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final boolean startsThread;
  /** The watched contexts; guarded by this. */
  private final List<Watch> watched = new ArrayList<>();
  /** The sampling thread while one runs; guarded by this. */
  private Thread sampler;

  /**
   * A watchdog; {@code startsThread} false gives one that samples only when {@link #sample} is
   * called (tests drive it with their own clock).
   */
  LockWatchdog(boolean startsThread) {
    this.startsThread = startsThread;
  }

  /** Starts watching {@code context} (if open and not watched yet); it took its lock. */
  synchronized void watch(ReactiveContext context) {
    if (context.isClosed()) {
      context.lockWatched = true; // closed: never watched again, never asked again
      return;
    }
    context.lockWatched = true;
    if (indexOf(context) < 0) {
      watched.add(new Watch(context));
    }
    if (startsThread && sampler == null) {
      sampler = new Thread(this::sampleUntilIdle, "statewire-lock-watchdog");
      sampler.setDaemon(true);
      sampler.start();
    }
  }

  /** Stops watching {@code context} for good: it is closed. */
  synchronized void forget(ReactiveContext context) {
    context.lockWatched = true;
    int i = indexOf(context);
    if (i >= 0) {
      watched.remove(i);
    }
  }

  /** Whether {@code context} is watched now (for tests). */
  synchronized boolean isWatching(ReactiveContext context) {
    return indexOf(context) >= 0;
  }

  /**
   * One sample of every watched context at {@code now} (nanoseconds, as {@link
   * System#nanoTime()}): reports holds that lasted the threshold, drops idle contexts.
   */
  void sample(long now) {
    List<LockHeldTooLongException> due = new ArrayList<>(0);
    List<ReactiveContext> holders = new ArrayList<>(0);
    synchronized (this) {
      for (Iterator<Watch> it = watched.iterator(); it.hasNext();) {
        Watch watch = it.next();
        int before = due.size();
        if (watch.sample(now, due)) {
          it.remove();
        }
        if (due.size() > before) {
          holders.add(watch.context);
        }
      }
    }
    for (int i = 0; i < due.size(); i++) {
      ReactiveContext context = holders.get(i);
      context.reportError("the lock of " + context, due.get(i));
    }
  }

  private void sampleUntilIdle() {
    while (true) {
      long period;
      synchronized (this) {
        if (watched.isEmpty()) {
          sampler = null;
          return;
        }
        period = MAX_PERIOD_NANOS;
        for (Watch watch : watched) {
          period = Math.min(period, watch.context.lockHoldThresholdNanos / 4);
        }
      }
      LockSupport.parkNanos(Math.max(MIN_PERIOD_NANOS, period));
      Thread.interrupted(); // an interrupt (an error handler's, say) must not make it spin
      try {
        sample(System.nanoTime());
      } catch (Throwable e) {
        // reportError never throws; an OutOfMemoryError here must not end the watching
      }
    }
  }

  private int indexOf(ReactiveContext context) {
    for (int i = 0; i < watched.size(); i++) {
      if (watched.get(i).context == context) {
        return i;
      }
    }
    return -1;
  }

  /** What the samples saw of one context's lock; touched only under the watchdog's monitor. */
  private static final class Watch {
    final ReactiveContext context;
    /** The stamp the samples have seen since {@link #since}. */
    int stamp;
    long since;
    boolean seen;
    /** Whether the hold with {@link #stamp} was reported. */
    boolean reported;

    Watch(ReactiveContext context) {
      this.context = context;
    }

    /** Samples the lock; returns true if the context is idle and is no longer watched. */
    boolean sample(long now, List<LockHeldTooLongException> due) {
      int s = context.lock.stamp();
      if (!seen || s != stamp) {
        seen = true;
        stamp = s;
        since = now;
        reported = false;
        return false;
      }
      long unchangedFor = now - since;
      if ((s & 1) != 0) {
        if (!reported && unchangedFor >= context.lockHoldThresholdNanos) {
          reported = true;
          reportHold(s, unchangedFor, due);
        }
        return false;
      }
      if (unchangedFor < IDLE_NANOS) {
        return false;
      }
      // Idle. The next acquisition watches it again: it reads lockWatched after taking the lock,
      // and this reads the stamp after clearing it, so one of the two sees the other.
      context.lockWatched = false;
      if (context.lock.stamp() == s) {
        return true;
      }
      context.lockWatched = true;
      return false;
    }

    private void reportHold(int s, long heldNanos, List<LockHeldTooLongException> due) {
      Thread holder = context.lock.owner();
      StackTraceElement[] where = holder != null ? holder.getStackTrace() : null;
      if (holder == null || context.lock.stamp() != s) {
        holder = null; // released meanwhile: whoever owns it now is not the one that held it
        where = null;
      }
      LockHeldTooLongException report = new LockHeldTooLongException(
          context, holder, heldNanos, context.lockHoldThresholdNanos);
      if (where != null) {
        report.setStackTrace(where);
      }
      due.add(report);
    }
  }
}
