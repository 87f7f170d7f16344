package dev.statewire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A side effect that runs once when created, then again after each change to something it read.
 *
 * <p>Effects run synchronously on the writing thread, under the context's lock, when the
 * outermost batch (or write, or lock block) ends; each at most once per change, in creation
 * order, and never on a half-updated state. An effect given an executor (its own, or the
 * context's {@linkplain ReactiveContext.Builder#effectExecutor effect executor}) runs there
 * instead, its first run too: see {@link #of(Executor, Runnable)}. An exception thrown by one
 * effect goes to the context's {@link ErrorHandler} and does not stop the others (see {@link
 * ReactiveContext} for {@link VirtualMachineError}s). {@link #close()} runs the cleanups,
 * unlinks the effect from everything it read and drops its body, so that what the body captured
 * can be collected; a closed effect never runs again.
 *
 * <p>An effect owns the effects and resources its body creates: they are closed before its next
 * run and when it closes (so an outer effect that re-runs does not pile up inner ones). Effects
 * created outside any effect belong to the running {@link EffectScope}, else to the context.
 */
public final class Effect extends Subscriber implements GraphNode, AutoCloseable {
  /**
   * As an effect's executor: run it synchronously on the writing thread, in the commit, as
   * effects without an executor do, also in a context that has an {@linkplain
   * ReactiveContext.Builder#effectExecutor effect executor}.
   */
  public static final Executor SYNCHRONOUS = Runnable::run;

  /**
   * What the effect runs: a {@link Runnable}, or an {@link EffectBody} if {@link
   * Node#TAKES_CLEANUP} is set, wrapped in an {@link EffectDispatch.Body} if {@link
   * Node#ON_EXECUTOR} is set. Once the effect has {@link Attachments} (its cleanups and what its
   * runs created; most effects have neither), they hold that and this field holds them, so that
   * effects without any pay no field for them. Null once closed: a closed effect keeps nothing
   * its body captured reachable.
   */
  private Object body;
  /**
   * Its place in its owner's list of effects (see {@link Ownership}): the next newer effect of
   * the same owner, or the owner itself if this is its newest; null while nothing owns it.
   */
  Object ownedPrev;
  /** The next older effect of the same owner, or null. */
  Effect ownedNext;

  private Effect(ReactiveContext ctx, Object body, boolean takesCleanup) {
    super(ctx);
    this.body = body;
    long id = ctx.nextEffectId();
    // nothing reads an effect, so it has no use for a node's version and track stamp: they keep
    // its id, which costs no field of its own
    this.version = (int) (id >>> 32);
    this.trackStamp = (int) id;
    this.flags = takesCleanup ? WATCHED | TAKES_CLEANUP : WATCHED;
  }

  /**
   * {@return its creation order within the context (one per effect, from a 64-bit counter that
   * never wraps in practice); effects of one round run in this order}
   */
  long id() {
    return (long) version << 32 | (trackStamp & 0xFFFF_FFFFL);
  }

  /**
   * Creates and starts an effect in {@link ReactiveContext#current()} (on the context's
   * {@linkplain ReactiveContext.Builder#effectExecutor effect executor}, if it has one).
   *
   * @param body runs now and after each change to what it read
   * @return the started effect
   */
  public static Effect of(Runnable body) {
    Objects.requireNonNull(body, "body");
    ReactiveContext c = ReactiveContext.current();
    return start(c, c.effectExecutor, body);
  }

  /**
   * Creates and starts an effect whose body can register cleanups.
   *
   * @param body runs now and after each change to what it read; registers cleanups on its argument
   * @return the started effect
   */
  public static Effect of(EffectBody body) {
    Objects.requireNonNull(body, "body");
    ReactiveContext c = ReactiveContext.current();
    return start(c, c.effectExecutor, body);
  }

  /**
   * Creates an effect in {@link ReactiveContext#current()} whose runs, the first one included,
   * happen on {@code executor} (a UI thread: {@code SwingUtilities::invokeLater}, {@code
   * Platform::runLater}), never in the writer's commit. A commit that makes it stale only hands
   * it to the executor, after the writer released the lock; when the executor gets to it, it
   * takes the lock, and runs if something it read really changed since its last run. So it runs
   * at most once however many commits it missed, reads the state committed when it runs, and
   * runs after the effects of the same executor created before it that were stale at that time.
   * Its writes are ordinary writes, committed when its run ends.
   *
   * <p>Executors are told apart by identity: keep the executor in a constant (each evaluation
   * of a capturing lambda is a new executor). An effect closed before its queued run starts does
   * not run; a run the executor rejects goes to the error handler (see {@link
   * ReactiveContext.Builder#effectExecutor}). Never wait for the executor's thread while holding
   * the context's lock (inside a batch, lock block or action): its runs need that lock.
   *
   * @param executor runs the effect's runs; {@link #SYNCHRONOUS} runs them in the commit
   * @param body runs on {@code executor} soon, and after each change to what it read
   * @return the effect, whose first run is queued on {@code executor}
   */
  public static Effect of(Executor executor, Runnable body) {
    Objects.requireNonNull(executor, "executor");
    return start(ReactiveContext.current(), executor, Objects.requireNonNull(body, "body"));
  }

  /**
   * As {@link #of(Executor, Runnable)}, with a body that can register cleanups.
   *
   * @param executor runs the effect's runs; {@link #SYNCHRONOUS} runs them in the commit
   * @param body runs on {@code executor}; registers cleanups on its argument
   * @return the effect, whose first run is queued on {@code executor}
   */
  public static Effect of(Executor executor, EffectBody body) {
    Objects.requireNonNull(executor, "executor");
    return start(ReactiveContext.current(), executor, Objects.requireNonNull(body, "body"));
  }

  /**
   * Creates and runs an effect. If creating it fails (the outermost exit settles, and a runaway
   * loop or a fatal error surfaces there), the effect is closed before the failure propagates:
   * the caller never gets it, so nothing of it may stay subscribed. With an {@code executor}
   * (null or {@link #SYNCHRONOUS}: none) the first run is only scheduled there.
   */
  static Effect start(ReactiveContext ctx, Executor executor, EffectBody body) {
    return start(ctx, executor, body, true);
  }

  /** As {@link #start(ReactiveContext, Executor, EffectBody)}, for a body without cleanups. */
  static Effect start(ReactiveContext ctx, Executor executor, Runnable body) {
    return start(ctx, executor, body, false);
  }

  private static Effect start(
      ReactiveContext ctx, Executor executor, Object body, boolean takesCleanup) {
    ctx.enterUninterruptibly();
    Effect effect = null;
    try {
      try {
        ctx.requireOpen("creating an effect");
        effect = new Effect(ctx, body, takesCleanup);
        if (executor == null || executor == SYNCHRONOUS) {
          effect.run();
        } else {
          EffectDispatch.start(effect, executor);
        }
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

  /** {@return the name given with {@link #named}, or null} */
  @Override
  public String name() {
    return name;
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

  /**
   * Runs the effect if a dependency really changed; one on an executor is scheduled there
   * instead. Called from the context's queue.
   */
  void runIfStale() {
    int f = flags &= ~QUEUED;
    if ((f & (CLOSED | ON_EXECUTOR)) != 0) {
      if ((f & CLOSED) == 0) {
        ((EffectDispatch.Body) body()).dispatch.schedule(this);
      }
      return;
    }
    runIfChanged(f);
  }

  /** Its executor's turn came: runs the effect if a dependency really changed. Lock held. */
  void runDispatched() {
    int f = flags &= ~QUEUED;
    if ((f & CLOSED) == 0) {
      runIfChanged(f);
    }
  }

  private void runIfChanged(int f) {
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
      Object b = body();
      if ((flags & ON_EXECUTOR) != 0) {
        b = ((EffectDispatch.Body) b).body;
      }
      if ((flags & TAKES_CLEANUP) != 0) {
        ((EffectBody) b).run(attachments());
      } else {
        ((Runnable) b).run();
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
    if (c.spy != null) {
      c.spy.effectRan(this, failure);
    }
    if (failure != null) {
      c.reportFailure(describe(), failure);
    }
    if ((flags & CLOSED) != 0) {
      dispose();
    }
  }

  private void dispose() {
    ctx.forgetClosed(this);
    Ownership.release(this);
    if ((flags & ON_EXECUTOR) != 0) {
      ((EffectDispatch.Body) body()).dispatch.detach();
    }
    closeChildren();
    runCleanups();
    Graph.dropAll(this);
    body = null;
  }

  /**
   * Lock held, on an effect just created (it has no attachments yet): its runs go to {@code
   * dispatch} from now on. The dispatch is kept in the body ({@link EffectDispatch.Body}), so
   * that effects without an executor pay no field for it.
   */
  void runOn(EffectDispatch dispatch) {
    body = new EffectDispatch.Body(dispatch, body);
    flags |= ON_EXECUTOR | DIRTY;
  }

  /** {@return what the effect runs (see {@link #body}), null once closed} */
  private Object body() {
    Object b = body;
    return b instanceof Attachments ? ((Attachments) b).body : b;
  }

  /** {@return its attachments, or null before their first use} */
  private Attachments attachmentsOrNull() {
    Object b = body;
    return b instanceof Attachments ? (Attachments) b : null;
  }

  /** Lock held. Its attachments, made on first use. */
  private Attachments attachments() {
    Attachments a = attachmentsOrNull();
    if (a == null) {
      a = new Attachments(this, body);
      body = a;
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
    Attachments a = attachmentsOrNull();
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
    Attachments a = attachmentsOrNull();
    Object current = a == null ? null : a.cleanups;
    if (current == null) {
      return;
    }
    a.cleanups = null;
    // cleanups read untracked: they may run inside another node's evaluation (an effect body
    // closing this effect), which must not come to depend on what they read
    ReactiveContext c = ctx;
    Subscriber running = c.activeSub;
    c.activeSub = null;
    try {
      if (current instanceof Runnable) {
        runCleanup((Runnable) current);
      } else {
        @SuppressWarnings("unchecked")
        List<Runnable> list = (List<Runnable>) current;
        for (Runnable action : list) {
          runCleanup(action);
        }
      }
    } finally {
      c.activeSub = running;
    }
  }

  private void runCleanup(Runnable action) {
    try {
      action.run();
    } catch (Throwable e) {
      ctx.reportFailure(describe() + " cleanup", e);
    }
  }

  /**
   * {@return its kind, name and state: {@code active}, {@code queued} (to run when the lock
   * session ends), {@code running} or {@code closed}, e.g. {@code Effect 'TaskState.report()'
   * (active)}}
   */
  @Override
  public String toString() {
    int f = flags;
    String state = (f & CLOSED) != 0 ? "closed"
        : (f & RUNNING) != 0 ? "running"
        : (f & QUEUED) != 0 ? "queued"
        : "active";
    return describe() + " (" + state + ")";
  }

  @Override
  String kind() {
    return "Effect";
  }

  /**
   * What an effect's runs attach to it: the cleanups registered for the current run, and the
   * ownership of the effects and resources they created; and, since they take the effect's body
   * field, its body. Also the {@link Cleanup} its {@link EffectBody} registers with, which adds
   * to this effect whenever it is called.
   */
  private static final class Attachments implements Cleanup {
    private final Effect effect;
    /** What the effect runs (see {@link Effect#body}). */
    final Object body;
    /** Null, one Runnable, or a List of them. */
    Object cleanups;
    /** Disposed before each run and on close. */
    Ownership children;

    Attachments(Effect effect, Object body) {
      this.effect = effect;
      this.body = body;
    }

    @Override
    public void add(Runnable action) {
      effect.addCleanup(action);
    }
  }
}
