package dev.statewire;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The runs of one context's effects that one {@link Executor} runs (see {@link
 * ReactiveContext.Builder#effectExecutor}).
 *
 * <p>A commit never runs such an effect. When the commit's settle reaches it, it is {@linkplain
 * #schedule scheduled} here, under the lock; the outermost exit of that lock session, once it
 * released the lock, hands one drain (this object, a {@link Runnable}) to the executor. The
 * drain, on the executor's thread, takes every effect scheduled so far as one round, in creation
 * order, and runs each in a lock session of its own: it checks the effect's dependencies and
 * runs it only if one really changed, so it reads the state committed when it runs, and its
 * writes commit like any other (synchronous effects they trigger run in that session; effects on
 * an executor are scheduled again). An effect stays flagged {@code QUEUED} from scheduling until
 * its run starts, so that commits in between only mark it: it runs once for all of them. Effects
 * scheduled while a drain runs go to the next drain. Drains that only the previous drain's runs
 * requested, more than the context's {@code maxEffectRounds} in a row, are a runaway loop: that
 * round is dropped and reported as a {@link RunawayEffectsException}.
 *
 * <p>All state is guarded by the context's lock, except what {@link #submitAll} reads after the
 * lock is released (see there).
 */
final class EffectDispatch implements Runnable {
  private final ReactiveContext ctx;
  private final Executor executor;
  /** The effects scheduled and not yet taken by a drain. */
  private final EffectQueue pending = new EffectQueue();
  /** A drain is submitted, or due to be, and has not taken its round yet. */
  private boolean drainRequested;
  /** Whether the pending drain was requested by a run of the drain before it, on its thread. */
  private boolean requestedByDrain;
  /** How many drains in a row only the drain before requested. */
  private int chainedDrains;
  /**
   * The thread running this dispatch's drain, null between drains. Only compared with the
   * current thread: a stale value is never the current thread, unless that thread wrote it.
   */
  private volatile Thread drainThread;
  /** The open effects that run here; the context forgets this dispatch when none is left. */
  private int openEffects;
  /** The next dispatch in the context's list of those whose drain is due to be submitted. */
  private EffectDispatch nextDue;

  private EffectDispatch(ReactiveContext ctx, Executor executor) {
    this.ctx = ctx;
    this.executor = executor;
  }

  /**
   * Lock held. Makes {@code effect}, just created, run on {@code executor}: its first run is
   * scheduled now. Executors are told apart by identity.
   */
  static void start(Effect effect, Executor executor) {
    ReactiveContext c = effect.ctx;
    List<EffectDispatch> all = c.effectDispatches;
    if (all == null) {
      all = new ArrayList<>(1);
      c.effectDispatches = all;
    }
    EffectDispatch dispatch = null;
    for (EffectDispatch d : all) {
      if (d.executor == executor) {
        dispatch = d;
        break;
      }
    }
    if (dispatch == null) {
      dispatch = new EffectDispatch(c, executor);
      all.add(dispatch);
    }
    dispatch.openEffects++;
    effect.runOn(dispatch);
    dispatch.schedule(effect);
  }

  /** Lock held. One of this dispatch's effects is being disposed. */
  void detach() {
    if (--openEffects == 0) {
      ctx.effectDispatches.remove(this);
    }
  }

  /** Lock held. {@code effect} is stale: it runs in the next drain. */
  void schedule(Effect effect) {
    pending.add(effect); // first: if growing the queue fails, the effect is not flagged QUEUED
    effect.flags |= Node.QUEUED;
    if (!drainRequested) {
      drainRequested = true;
      requestedByDrain = drainThread == Thread.currentThread();
      nextDue = ctx.dueDispatches;
      ctx.dueDispatches = this;
    }
  }

  /**
   * Hands the drains of {@code first} and the dispatches linked after it to their executors.
   * Called by the outermost exit after it released the lock, with the list it detached under
   * the lock: no other thread writes a {@code nextDue} of that list before the drain it links
   * is submitted, so each link is read before its dispatch is submitted. Never throws.
   */
  static void submitAll(EffectDispatch first) {
    for (EffectDispatch d = first; d != null; ) {
      EffectDispatch next = d.nextDue;
      d.submit();
      d = next;
    }
  }

  private void submit() {
    try {
      executor.execute(this);
    } catch (Throwable rejected) {
      try {
        rejected(rejected);
      } catch (Throwable alsoFailed) {
        rejected.addSuppressed(alsoFailed);
        ctx.reportError("the effect executor of " + ctx, rejected);
      }
    }
  }

  /**
   * The executor did not take the drain. Its effects are not lost: one that ran before is no
   * longer queued, so that the next change to what it read schedules it again; one whose first
   * run was rejected (it has no dependencies yet) stays scheduled and goes with the next drain.
   * The failure goes to the error handler, naming the open effects.
   */
  private void rejected(Throwable failure) {
    ctx.enterUninterruptibly();
    try {
      drainRequested = false;
      Effect[] round = takePending();
      List<String> open = new ArrayList<>();
      for (Effect effect : round) {
        if ((effect.flags & Node.CLOSED) != 0) {
          effect.flags &= ~Node.QUEUED;
        } else if (effect.deps == null) {
          pending.add(effect);
          open.add(effect.describe() + " (first run: goes with the next run on this executor)");
        } else {
          effect.flags &= ~Node.QUEUED;
          open.add(effect.describe() + " (runs again after the next change to what it read)");
        }
      }
      if (!open.isEmpty()) {
        ctx.reportError("handing " + String.join(", ", open) + " to its executor", failure);
      }
    } finally {
      ctx.exit();
    }
  }

  /**
   * The drain, on the executor's thread: runs the effects scheduled so far, in creation order,
   * each in its own lock session. A failure of one (a runaway loop its writes started, say) goes
   * to the error handler and the others still run; the first {@link VirtualMachineError} is
   * rethrown to the executor once all of them ran.
   */
  @Override
  public void run() {
    Effect[] round = takeRound();
    drainThread = Thread.currentThread();
    try {
      runAll(round);
    } finally {
      drainThread = null;
    }
  }

  /** Takes the round of a drain, under the lock; an empty one if it is a runaway's. */
  private Effect[] takeRound() {
    RunawayEffectsException runaway;
    ctx.enterUninterruptibly();
    try {
      drainRequested = false;
      Effect[] round = takePending();
      chainedDrains = requestedByDrain ? chainedDrains + 1 : 0;
      requestedByDrain = false;
      if (chainedDrains <= ctx.maxEffectRounds()) {
        return round;
      }
      chainedDrains = 0;
      List<String> names = new ArrayList<>();
      for (Effect effect : round) {
        effect.flags &= ~Node.QUEUED;
        if ((effect.flags & Node.CLOSED) == 0) {
          names.add(effect.describe());
        }
      }
      runaway = new RunawayEffectsException(ctx.maxEffectRounds(), names);
    } finally {
      ctx.exit();
    }
    ctx.reportError("the effects on " + executor, runaway);
    return new Effect[0];
  }

  private void runAll(Effect[] round) {
    VirtualMachineError fatal = null;
    for (Effect effect : round) {
      try {
        ctx.enterUninterruptibly();
        try {
          effect.runDispatched();
        } finally {
          ctx.exit();
        }
      } catch (VirtualMachineError e) {
        if (fatal == null) {
          fatal = e;
        }
      } catch (Throwable e) {
        ctx.reportError(effect.describe() + " (run on its executor)", e);
      }
    }
    if (fatal != null) {
      throw fatal;
    }
  }

  /** Lock held. Takes the pending effects, in creation order. */
  private Effect[] takePending() {
    return pending.takeAll();
  }

  @Override
  public String toString() {
    return "the effects of " + ctx + " on " + executor;
  }

  /** The body of an effect on an executor: the user's body, and the dispatch its runs go to. */
  static final class Body {
    final EffectDispatch dispatch;
    /** The effect's own body: a {@link Runnable} or an {@link EffectBody}. */
    final Object body;

    Body(EffectDispatch dispatch, Object body) {
      this.dispatch = dispatch;
      this.body = body;
    }
  }
}
