package dev.statewire;

import dev.statewire.support.TransactionHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listeners of one context's spy, and what the runtime's hooks call to report to them.
 *
 * <p>The context holds its dispatcher in {@link ReactiveContext#spy} only while a listener is
 * attached, and null otherwise: every hook is one read of that field and a branch, and builds
 * its event (or reads the clock) only when it found a dispatcher. The field is written under the
 * lock, so a lock holder always sees the current one.
 *
 * <p>Failures of listeners follow the runtime's fault rules: on a thread that holds the lock
 * they go to {@link ReactiveContext#reportFailure} (a {@link VirtualMachineError} is kept and
 * rethrown by the outermost exit once the session settled); elsewhere (a lock release, a task)
 * to the error handler, and a {@code VirtualMachineError} is rethrown once every listener had
 * the event. Events that a listener's own calls cause on its thread are not delivered, so a
 * listener may read the graph without hearing about it, or recursing; its reads are untracked.
 * A hook that fails itself (an OutOfMemoryError) never breaks the operation around it: under
 * the lock that failure is reported the same way.
 */
final class SpyDispatcher {
  private static final SpyListener[] NONE = {};
  private static final long NOT_SEEN = Long.MIN_VALUE;

  private final ReactiveContext ctx;
  /** Replaced, never changed in place, under the lock; read by any thread. */
  private volatile SpyListener[] listeners = NONE;
  /** Whether the lock holder is delivering an event now; lock held. */
  private boolean holderDelivering;
  /** How many threads are delivering an event outside the lock now (a lock release, a task). */
  private final AtomicInteger outsideDeliveries = new AtomicInteger();
  /** Per thread: whether it delivers an event outside the lock now (one slot, set in place). */
  private final ThreadLocal<boolean[]> deliveringOutside =
      ThreadLocal.withInitial(() -> new boolean[1]);
  /** When the lock holder took the lock, by {@link System#nanoTime()}; lock held. */
  private long acquiredAt = NOT_SEEN;
  /** The participants committed so far in this session's commit, and where their writes end. */
  private final List<Transactional> committers = new ArrayList<>();
  private int[] committerEnds = new int[4];

  private SpyDispatcher(ReactiveContext ctx) {
    this.ctx = ctx;
  }

  /** Attaches {@code listener} to {@code ctx}, taking its lock so that holders see it. */
  static SpyRegistration attach(ReactiveContext ctx, SpyListener listener) {
    ctx.enterUninterruptibly();
    try {
      SpyDispatcher d = ctx.spy;
      if (d == null) {
        d = new SpyDispatcher(ctx); // the running hold's acquisition was not seen: not reported
        ctx.spy = d;
      }
      SpyListener[] now = Arrays.copyOf(d.listeners, d.listeners.length + 1);
      now[now.length - 1] = listener;
      d.listeners = now;
    } finally {
      ctx.exit();
    }
    return new SpyRegistration(ctx, listener);
  }

  /** Detaches one registration of {@code listener}; the last one removes the dispatcher. */
  static void detach(ReactiveContext ctx, SpyListener listener) {
    ctx.enterUninterruptibly();
    try {
      SpyDispatcher d = ctx.spy;
      if (d == null) {
        return;
      }
      SpyListener[] before = d.listeners;
      for (int i = 0; i < before.length; i++) {
        if (before[i] == listener) {
          SpyListener[] now = new SpyListener[before.length - 1];
          System.arraycopy(before, 0, now, 0, i);
          System.arraycopy(before, i + 1, now, i, now.length - i);
          d.listeners = now;
          if (now.length == 0) {
            ctx.spy = null;
          }
          return;
        }
      }
    } finally {
      ctx.exit();
    }
  }

  /** Delivers {@code event} to every listener, in the order they were attached. */
  void emit(SpyEvent event) {
    if (ctx.lock.isHeldByCurrentThread()) {
      emitHolding(event);
    } else {
      emitOutside(event);
    }
  }

  /** Lock held: the flag is a plain field, only the holder touches it. */
  private void emitHolding(SpyEvent event) {
    if (holderDelivering || (outsideDeliveries.get() > 0 && deliveringOutside.get()[0])) {
      return; // caused by a listener on this thread
    }
    holderDelivering = true;
    Subscriber running = ctx.activeSub;
    ctx.activeSub = null; // what a listener reads is nobody's dependency
    try {
      deliver(event);
    } finally {
      ctx.activeSub = running;
      holderDelivering = false;
    }
  }

  private void emitOutside(SpyEvent event) {
    boolean[] busy = deliveringOutside.get();
    if (busy[0]) {
      return; // caused by a listener on this thread
    }
    busy[0] = true;
    outsideDeliveries.incrementAndGet();
    VirtualMachineError fatal;
    try {
      fatal = deliver(event);
    } finally {
      outsideDeliveries.decrementAndGet();
      busy[0] = false;
    }
    if (fatal != null) {
      throw fatal;
    }
  }

  /** Calls every listener; returns the first {@code VirtualMachineError} not kept elsewhere. */
  private VirtualMachineError deliver(SpyEvent event) {
    VirtualMachineError fatal = null;
    for (SpyListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (Throwable failure) {
        fatal = listenerFailed(listener, failure, fatal);
      }
    }
    return fatal;
  }

  private VirtualMachineError listenerFailed(
      SpyListener listener, Throwable failure, VirtualMachineError fatal) {
    String source = "spy listener " + listener + " of " + ctx;
    if (ctx.lock.isHeldByCurrentThread()) {
      ctx.reportFailure(source, failure);
      return fatal;
    }
    if (failure instanceof VirtualMachineError && fatal == null) {
      return (VirtualMachineError) failure;
    }
    ctx.reportError(source, failure);
    return fatal;
  }

  /**
   * A hook itself failed (an OutOfMemoryError building an event, say). Under the lock it is
   * reported like a listener's failure, so that the graph operation around the hook completes;
   * elsewhere it goes on to the caller.
   */
  private void hookFailed(Throwable failure) {
    if (ctx.lock.isHeldByCurrentThread()) {
      ctx.reportFailure("the spy of " + ctx, failure);
      return;
    }
    throw Sneaky.<RuntimeException>rethrow(failure);
  }

  // ---- the hooks: none throws while the lock is held ----------------------------------------

  void signalWritten(SourceSignal<?> signal, Object oldValue, Object newValue) {
    try {
      emit(new SpyEvent.SignalWritten(signal, oldValue, newValue));
    } catch (Throwable failure) {
      hookFailed(failure);
    }
  }

  /**
   * Before {@code computed} runs: its dependencies whose version moved since its last run, or
   * null if it never ran.
   */
  List<GraphNode> causesOfRecomputing(Computed<?> computed) {
    if ((computed.flags & Node.INITIALIZED) == 0) {
      return null;
    }
    try {
      List<GraphNode> changed = new ArrayList<>(2);
      for (Link link = computed.deps; link != null; link = link.nextDep) {
        if (link.dep.version != link.version && link.dep instanceof GraphNode) {
          changed.add((GraphNode) link.dep);
        }
      }
      return changed;
    } catch (Throwable failure) {
      hookFailed(failure);
      return List.of();
    }
  }

  /** After {@code computed} ran; {@code causes} from {@link #causesOfRecomputing}. */
  void recomputed(Computed<?> computed, List<GraphNode> causes, Object value, boolean changed) {
    try {
      emit(new SpyEvent.ComputedRecomputed(
          computed, causes == null ? List.of() : causes, causes == null, value, changed));
    } catch (Throwable failure) {
      hookFailed(failure);
    }
  }

  /**
   * An effect round starts, the effects in {@code round[start..end)} (with null between them):
   * each open one is scheduled, in run order.
   */
  void roundStarting(Effect[] round, int start, int end) {
    try {
      for (int i = start; i < end; i++) {
        if (round[i] != null && !round[i].isClosed()) {
          emit(new SpyEvent.EffectScheduled(round[i]));
        }
      }
    } catch (Throwable failure) {
      hookFailed(failure);
    }
  }

  void effectRan(Effect effect, Throwable effectFailure) {
    try {
      emit(effectFailure == null
          ? new SpyEvent.EffectRan(effect)
          : new SpyEvent.EffectFailed(effect, effectFailure));
    } catch (Throwable failure) {
      hookFailed(failure);
    }
  }

  /**
   * The {@code index}th participant of a commit handed over its writes, up to {@code end}. If
   * this throws, the commit fails (and rolls back) as if the participant had.
   */
  void participantCommitted(int index, Transactional participant, int end) {
    if (index == 0) {
      committers.clear();
    }
    if (committers.size() == committerEnds.length) {
      committerEnds = Arrays.copyOf(committerEnds, committerEnds.length * 2);
    }
    committerEnds[committers.size()] = end;
    committers.add(participant);
  }

  /**
   * A commit is about to publish {@code size} writes: reported with the signals' values before,
   * unless this dispatcher did not see every participant commit (it was attached meanwhile).
   */
  void committing(TransactionHook.Writes writes) {
    try {
      int size = writes.size();
      int n = committers.size();
      if (n == 0 || committerEnds[n - 1] != size) {
        committers.clear();
        return;
      }
      List<SpyEvent.Committed.Change> changes = new ArrayList<>(size);
      int participant = 0;
      for (int i = 0; i < size; i++) {
        while (committerEnds[participant] <= i) {
          participant++;
        }
        changes.add(new SpyEvent.Committed.Change(
            committers.get(participant), writes.signal(i), writes.signal(i).peek(),
            writes.value(i)));
      }
      committers.clear();
      emit(new SpyEvent.Committed(changes));
    } catch (Throwable failure) {
      hookFailed(failure);
    }
  }

  void lockAcquired() {
    acquiredAt = System.nanoTime();
    try {
      emit(new SpyEvent.LockAcquired(Thread.currentThread()));
    } catch (Throwable failure) {
      hookFailed(failure);
    }
  }

  /** Lock held, about to be released: how long it was held, or -1 if its acquisition was unseen. */
  long releasing() {
    long at = acquiredAt;
    acquiredAt = NOT_SEEN;
    return at == NOT_SEEN ? -1 : System.nanoTime() - at;
  }

  /**
   * Right after the release; {@code heldNanos} from {@link #releasing()}. Throws a listener's
   * {@code VirtualMachineError} (the releasing caller gets it).
   */
  void lockReleased(long heldNanos) {
    if (heldNanos >= 0) {
      emit(new SpyEvent.LockReleased(Thread.currentThread(), Duration.ofNanos(heldNanos)));
    }
  }

  /** On the task's thread, before its body; what this throws fails the task. */
  void taskStarted(Task task) {
    emit(new SpyEvent.TaskStarted(task));
  }

  /** Where the task ended; lock held or not. */
  void taskEnded(Task task, TaskStatus status, Throwable taskFailure) {
    try {
      emit(new SpyEvent.TaskEnded(task, status, taskFailure));
    } catch (Throwable failure) {
      hookFailed(failure);
    }
  }

  void resourceTransition(Resource<?, ?> resource, ResourceStatus from, ResourceStatus to) {
    try {
      emit(new SpyEvent.ResourceTransition(resource, from, to));
    } catch (Throwable failure) {
      hookFailed(failure);
    }
  }
}
