package dev.statewire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A side effect that runs once when created, then again after each change to something it read.
 *
 * <p>Effects run synchronously on the writing thread, under the context's lock, when the
 * outermost batch (or write, or lock block) ends; each at most once per change, in creation
 * order, and never on a half-updated state. An exception thrown by one effect goes to the
 * context's {@link ErrorHandler} and does not stop the others (see {@link ReactiveContext} for
 * {@link VirtualMachineError}s). {@link #close()} runs the cleanups, unlinks the effect from
 * everything it read and drops its body, so that what the body captured can be collected; a
 * closed effect never runs again.
 *
 * <p>An effect owns the effects and resources its body creates: they are closed before its next
 * run and when it closes (so an outer effect that re-runs does not pile up inner ones). Effects
 * created outside any effect belong to the running {@link EffectScope}, else to the context.
 */
public final class Effect extends Subscriber implements AutoCloseable {
  /**
   * A {@link Runnable}, or an {@link EffectBody} if {@link Node#TAKES_CLEANUP} is set; null once
   * closed: a closed effect keeps nothing its body captured reachable.
   */
  private Object body;
  /** Creation order within the context; effects of one round run in this order. */
  final long id;
  /** What owns this open effect (see Ownership), and its neighbours there; null if nothing. */
  Ownership owner;
  Effect ownedPrev;
  Effect ownedNext;
  /** Its cleanups and what its runs created; made on first use, most effects have neither. */
  private Attachments attachments;

  private Effect(ReactiveContext ctx, Object body, boolean takesCleanup) {
    super(ctx);
    this.body = body;
    this.id = ctx.nextEffectId();
    this.flags = takesCleanup ? WATCHED | TAKES_CLEANUP : WATCHED;
  }

  /**
   * Creates and starts an effect in {@link ReactiveContext#current()}.
   *
   * @param body runs now and after each change to what it read
   * @return the started effect
   */
  public static Effect of(Runnable body) {
    return start(ReactiveContext.current(), Objects.requireNonNull(body, "body"));
  }

  /**
   * Creates and starts an effect whose body can register cleanups.
   *
   * @param body runs now and after each change to what it read; registers cleanups on its argument
   * @return the started effect
   */
  public static Effect of(EffectBody body) {
    return start(ReactiveContext.current(), Objects.requireNonNull(body, "body"));
  }

  /**
   * Creates and runs an effect. If creating it fails (the outermost exit settles, and a runaway
   * loop or a fatal error surfaces there), the effect is closed before the failure propagates:
   * the caller never gets it, so nothing of it may stay subscribed.
   */
  static Effect start(ReactiveContext ctx, EffectBody body) {
    return start(ctx, body, true);
  }

  /** As {@link #start(ReactiveContext, EffectBody)}, for a body that registers no cleanups. */
  static Effect start(ReactiveContext ctx, Runnable body) {
    return start(ctx, body, false);
  }

  private static Effect start(ReactiveContext ctx, Object body, boolean takesCleanup) {
    ctx.enterUninterruptibly();
    Effect effect = null;
    try {
      try {
        ctx.requireOpen("creating an effect");
        effect = new Effect(ctx, body, takesCleanup);
        effect.run();
        if ((effect.flags & CLOSED) == 0) {
          ctx.adopt(effect);
        }
      } finally {
        ctx.exit();
      }
    } catch (Throwable failure) {
      if (effect != null) {
        try {
          effect.close();
        } catch (Throwable alsoFailed) {
          if (alsoFailed != failure) {
            failure.addSuppressed(alsoFailed);
          }
        }
      }
      throw failure;
    }
    return effect;
  }

  /**
   * {@return the effect whose body is running on this thread, or null outside an effect body}
   * Also during its first run (before {@code Effect.of} returned it), so that an effect can close
   * itself from any run; inside {@code untracked} in a body it is still that effect.
   */
  public static Effect current() {
    ReactiveContext c = ReactiveContext.current();
    if (!c.lock.isHeldByCurrentThread()) {
      return null;
    }
    return c.owner instanceof Effect ? (Effect) c.owner : null;
  }

  /**
   * Names this effect in error messages; returns this.
   *
   * @param name the name shown in messages
   * @return this effect
   */
  public Effect named(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** {@return whether {@link #close()} was called} */
  public boolean isClosed() {
    return (flags & CLOSED) != 0;
  }

  /** Stops the effect: runs its cleanups and unlinks it. Idempotent. */
  @Override
  public void close() {
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      if ((flags & CLOSED) != 0) {
        return;
      }
      flags |= CLOSED;
      if ((flags & RUNNING) == 0) {
        dispose();
      }
    } finally {
      c.exit();
    }
  }

  /** Called by propagation: a dependency changed ({@code mark} DIRTY) or may have (PENDING). */
  void notifyChanged(int mark) {
    int f = flags;
    flags = f | mark;
    if ((f & (QUEUED | CLOSED)) == 0) {
      ctx.enqueue(this); // first: if growing the queue fails, the effect is not flagged QUEUED
      flags |= QUEUED;
    }
  }

  /** Runs the effect if a dependency really changed. Called from the context's queue. */
  void runIfStale() {
    int f = flags &= ~QUEUED;
    if ((f & CLOSED) != 0) {
      return;
    }
    if ((f & DIRTY) == 0) {
      if ((f & PENDING) == 0) {
        return;
      }
      boolean changed;
      try {
        changed = Graph.dependenciesChanged(this);
      } catch (Throwable uncached) {
        // a computed failed without caching its failure (a VirtualMachineError): count it as a
        // change; the run reads that computed again and meets (and reports) the failure itself
        changed = true;
      }
      if ((flags & CLOSED) != 0) {
        return; // closed by what the check evaluated
      }
      if (!changed) {
        flags &= ~PENDING;
        return;
      }
    }
    run();
  }

  /**
   * Runs the cleanups of the last run, then the body, tracking what it reads. Never throws: a
   * failure of the body or of a cleanup goes to {@link ReactiveContext#reportFailure}, after the
   * running-subscriber pointer is restored, so that the round goes on.
   */
  private void run() {
    closeChildren();
    runCleanups();
    if ((flags & CLOSED) != 0) {
      return; // a cleanup closed it
    }
    ReactiveContext c = ctx;
    Subscriber outer = c.activeSub;
    int outerStamp = c.trackStamp;
    Object outerOwner = c.owner;
    int stamp = c.nextTrackStamp();
    c.activeSub = this;
    c.owner = this;
    c.trackStamp = stamp;
    depsTail = null;
    flags = (flags | RUNNING) & ~(DIRTY | PENDING);
    Throwable failure = null;
    try {
      if ((flags & TAKES_CLEANUP) != 0) {
        ((EffectBody) body).run(attachments());
      } else {
        ((Runnable) body).run();
      }
    } catch (Throwable e) {
      failure = e;
    }
    c.activeSub = outer;
    c.trackStamp = outerStamp;
    c.owner = outerOwner;
    flags &= ~RUNNING;
    // a run aborted by a VirtualMachineError (anywhere, perhaps inside the runtime) keeps the
    // links it did not reach, so that any of them re-triggers it; the next run re-collects them
    if (!(failure instanceof VirtualMachineError)) {
      Graph.endTracking(this);
    }
    if (failure != null) {
      c.reportFailure(describe(), failure);
    }
    if ((flags & CLOSED) != 0) {
      dispose();
    }
  }

  private void dispose() {
    Ownership o = owner;
    if (o != null) {
      o.release(this);
    }
    closeChildren();
    runCleanups();
    Graph.dropAll(this);
    body = null;
  }

  /** Lock held. Its attachments, made on first use. */
  private Attachments attachments() {
    Attachments a = attachments;
    if (a == null) {
      a = new Attachments(this);
      attachments = a;
    }
    return a;
  }

  /** Lock held. The ownership of what this effect's current run creates. */
  Ownership ownedNodes() {
    Attachments a = attachments();
    Ownership o = a.children;
    if (o == null) {
      o = new Ownership();
      a.children = o;
    }
    return o;
  }

  /** Closes the effects and resources the last run created (newest first). */
  private void closeChildren() {
    Attachments a = attachments;
    if (a != null && a.children != null) {
      a.children.closeEffectsAndResources();
    }
  }

  /** Registers a cleanup for the current run. */
  void addCleanup(Runnable action) {
    Objects.requireNonNull(action, "action");
    Attachments a = attachments();
    Object current = a.cleanups;
    if (current == null) {
      a.cleanups = action;
    } else if (current instanceof Runnable) {
      List<Runnable> list = new ArrayList<>(2);
      list.add((Runnable) current);
      list.add(action);
      a.cleanups = list;
    } else {
      @SuppressWarnings("unchecked")
      List<Runnable> list = (List<Runnable>) current;
      list.add(action);
    }
  }

  private void runCleanups() {
    Attachments a = attachments;
    Object current = a == null ? null : a.cleanups;
    if (current == null) {
      return;
    }
    a.cleanups = null;
    if (current instanceof Runnable) {
      runCleanup((Runnable) current);
    } else {
      @SuppressWarnings("unchecked")
      List<Runnable> list = (List<Runnable>) current;
      for (Runnable action : list) {
        runCleanup(action);
      }
    }
  }

  private void runCleanup(Runnable action) {
    try {
      action.run();
    } catch (Throwable e) {
      ctx.reportFailure(describe() + " cleanup", e);
    }
  }

  @Override
  String kind() {
    return "Effect";
  }

  /**
   * What an effect's runs attach to it, apart from its body: the cleanups registered for the
   * current run, and the ownership of the effects and resources they created. Also the
   * {@link Cleanup} its {@link EffectBody} registers with, which adds to this effect whenever
   * it is called.
   */
  private static final class Attachments implements Cleanup {
    private final Effect effect;
    /** Null, one Runnable, or a List of them. */
    Object cleanups;
    /** Disposed before each run and on close. */
    Ownership children;

    Attachments(Effect effect) {
      this.effect = effect;
    }

    @Override
    public void add(Runnable action) {
      effect.addCleanup(action);
    }
  }
}
