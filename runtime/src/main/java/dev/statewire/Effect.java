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
 * context's {@link ErrorHandler} and does not stop the others. {@link #close()} runs the
 * cleanups and unlinks the effect from everything it read.
 */
public final class Effect extends Subscriber implements AutoCloseable {
  private final EffectBody body;
  private final Cleanup registrar = this::addCleanup;
  /** Creation order within the context; effects of one round run in this order. */
  final long id;
  /** Null, one Runnable, or a List of them. */
  private Object cleanups;
  /** The neighbours in the open effects of an isolated context (see ContextOwnership). */
  Effect ownedPrev;
  Effect ownedNext;

  private Effect(ReactiveContext ctx, EffectBody body) {
    super(ctx);
    this.body = body;
    this.id = ctx.nextEffectId();
    this.flags = WATCHED;
  }

  /** Creates and starts an effect in {@link ReactiveContext#current()}. */
  public static Effect of(Runnable body) {
    Objects.requireNonNull(body, "body");
    return start(ReactiveContext.current(), cleanup -> body.run());
  }

  /** Creates and starts an effect whose body can register cleanups. */
  public static Effect of(EffectBody body) {
    return start(ReactiveContext.current(), Objects.requireNonNull(body, "body"));
  }

  static Effect start(ReactiveContext ctx, EffectBody body) {
    ctx.enterUninterruptibly();
    try {
      ctx.requireOpen("creating an effect");
      Effect effect = new Effect(ctx, body);
      effect.run();
      if ((effect.flags & CLOSED) == 0) {
        ctx.adopt(effect);
      }
      return effect;
    } finally {
      ctx.exit();
    }
  }

  /** Names this effect in error messages; returns this. */
  public Effect named(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Whether {@link #close()} was called. */
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
      flags |= QUEUED;
      ctx.enqueue(this);
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
      } catch (RuntimeException e) {
        ctx.reportError(describe(), e);
        changed = true;
      }
      if (!changed) {
        flags &= ~PENDING;
        return;
      }
    }
    run();
  }

  private void run() {
    runCleanups();
    ReactiveContext c = ctx;
    Subscriber outer = c.activeSub;
    int outerStamp = c.trackStamp;
    int stamp = c.nextTrackStamp();
    c.activeSub = this;
    c.trackStamp = stamp;
    depsTail = null;
    flags = (flags | RUNNING) & ~(DIRTY | PENDING);
    try {
      body.run(registrar);
    } catch (VirtualMachineError e) {
      // only field writes here: there may be no stack left; the next run re-collects links
      c.activeSub = outer;
      c.trackStamp = outerStamp;
      flags = (flags & ~RUNNING) | DIRTY;
      throw e;
    } catch (Throwable e) {
      c.reportError(describe(), e);
    }
    c.activeSub = outer;
    c.trackStamp = outerStamp;
    flags &= ~RUNNING;
    Graph.endTracking(this);
    if ((flags & CLOSED) != 0) {
      dispose();
    }
  }

  private void dispose() {
    ctx.release(this);
    runCleanups();
    Graph.dropAll(this);
  }

  /** Registers a cleanup for the current run. */
  void addCleanup(Runnable action) {
    Objects.requireNonNull(action, "action");
    Object current = cleanups;
    if (current == null) {
      cleanups = action;
    } else if (current instanceof Runnable) {
      List<Runnable> list = new ArrayList<>(2);
      list.add((Runnable) current);
      list.add(action);
      cleanups = list;
    } else {
      @SuppressWarnings("unchecked")
      List<Runnable> list = (List<Runnable>) current;
      list.add(action);
    }
  }

  private void runCleanups() {
    Object current = cleanups;
    if (current == null) {
      return;
    }
    cleanups = null;
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
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      ctx.reportError(describe() + " cleanup", e);
    }
  }

  @Override
  String kind() {
    return "Effect";
  }
}
