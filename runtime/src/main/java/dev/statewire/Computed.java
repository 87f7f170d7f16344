package dev.statewire;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * A lazily computed, cached value derived from other signals.
 *
 * <p>It computes on first read and caches. A later read re-computes only if something the last
 * computation read has changed since; if the new value equals the old one (by {@link
 * Objects#equals} or the equality given at creation), nothing downstream re-runs. Dependencies
 * are collected anew on every computation. A computation that throws caches the exception:
 * every read re-throws it until a dependency changes. The equality is part of the computation:
 * if it throws, that is cached the same way, and what it reads is not tracked. A {@link
 * VirtualMachineError} is not cached: the next read computes again.
 *
 * <p>A computed that no effect depends on is not referenced by its sources, so it is garbage
 * once the program drops it.
 *
 * <p>The kinds that compute a primitive without boxing ({@link IntComputed}, {@link
 * LongComputed}, {@link DoubleComputed}, {@link BooleanComputed}) are computed values too: their
 * {@link #get()} and {@link #peek()} box, their typed getters do not.
 *
 * @param <T> the value's type
 */
public sealed class Computed<T> extends Subscriber implements ReadableSignal<T>, GraphNode
    permits PrimitiveComputed {
  /** The version a link to a discarded evaluation records; see {@link #discardEvaluation}. */
  private static final int DISCARDED_VERSION = Integer.MIN_VALUE;
  /**
   * The computation: a {@code Supplier} ({@link WithEquality} if the computed has an equality of
   * its own), or the primitive functional interface of a {@link PrimitiveComputed}. One field
   * for all kinds, so that no kind pays for another's.
   */
  final Object fn;
  /**
   * The result, or the exception thrown, of the last computation; a {@link PrimitiveComputed}
   * keeps its result apart and only the exception here.
   */
  Object value;
  /** The context's global version when this was last known up to date (unwatched mode). */
  int seenGlobalVersion;

  Computed(ReactiveContext ctx, Supplier<? extends T> fn,
      BiPredicate<? super T, ? super T> equality) {
    super(ctx);
    Objects.requireNonNull(fn, "fn");
    this.fn = equality == null ? fn : new WithEquality<>(fn, equality);
  }

  /** For a {@link PrimitiveComputed}: {@code fn} is its primitive functional interface. */
  Computed(ReactiveContext ctx, Object fn) {
    super(ctx);
    this.fn = Objects.requireNonNull(fn, "fn");
  }

  /**
   * {@return a computed in {@link ReactiveContext#current()}, compared with {@link Objects#equals}}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   * @param <T> the value type
   */
  public static <T> Computed<T> of(Supplier<? extends T> fn) {
    return new Computed<>(ReactiveContext.current(), fn, null);
  }

  /**
   * {@return a computed in {@link ReactiveContext#current()}; {@code equality} decides "unchanged"}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   * @param equality returns true when a new value counts as unchanged
   * @param <T> the value type
   */
  public static <T> Computed<T> of(Supplier<? extends T> fn,
      BiPredicate<? super T, ? super T> equality) {
    return new Computed<>(ReactiveContext.current(), fn,
        Objects.requireNonNull(equality, "equality"));
  }

  /**
   * Names this computed in error messages and generated descriptions; returns this.
   *
   * @param name the name shown in messages
   * @return this computed
   */
  public Computed<T> named(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** {@return the name given with {@link #named}, or null} */
  public String name() {
    return name;
  }

  @Override
  public ReactiveContext context() {
    return ctx;
  }

  @Override
  public T get() {
    ReactiveContext c = ctx;
    if (c.lock.isHeldByCurrentThread()) {
      readUnderLock(c.activeSub);
      return result();
    }
    return readWithoutLock();
  }

  /**
   * Brings this up to date for {@code reader} (null: an untracked read) and makes it a
   * dependency of the reader; lock held. The start of every read under the lock.
   */
  final void readUnderLock(Subscriber reader) {
    if (!Graph.canReadCached(this)) {
      refreshFor(reader);
    }
    if (reader != null) {
      Graph.track(ctx, this, reader);
    }
  }

  /** Brings this up to date for {@code reader} (null: an untracked read); lock held. */
  private void refreshFor(Subscriber reader) {
    boolean watchedFirstRun = reader != null && (flags & INITIALIZED) == 0
        && Graph.watchBeforeFirstRun(this, reader);
    try {
      Graph.refresh(this);
    } catch (CycleException e) {
      if (reader != null) {
        // the reader depends on this node, so it runs again once the cycle is broken
        Graph.track(ctx, this, reader);
      }
      throw e;
    } catch (Throwable uncached) {
      if (watchedFirstRun) {
        Graph.unwatchIfUnsubscribed(this); // the reader will not link it: stop watching
      }
      throw uncached;
    }
  }

  @Override
  public T peek() {
    ReactiveContext c = ctx;
    if (c.lock.isHeldByCurrentThread()) {
      readUnderLock(null);
      return result();
    }
    return readWithoutLock();
  }

  /** A read from a thread without the lock: optimistic if up to date, else under the lock. */
  private T readWithoutLock() {
    ReactiveContext c = ctx;
    c.checkNoOtherContextHeld(this);
    int stamp = c.lock.stamp();
    int f = flags;
    Object v = value;
    if ((f & INITIALIZED) != 0 && isCurrent(f) && c.lock.validate(stamp)) {
      return unwrap(f, v);
    }
    c.enterUninterruptibly();
    try {
      Graph.refresh(this);
      return result();
    } finally {
      c.exit();
    }
  }

  /**
   * Whether the cached result, if any, is up to date according to {@code f}, this node's flags:
   * no dependency may have changed since. For reads without the lock (and {@link #toString}).
   */
  final boolean isCurrent(int f) {
    return (f & WATCHED) != 0
        ? (f & (DIRTY | PENDING)) == 0
        : seenGlobalVersion == ctx.globalVersion;
  }

  private T result() {
    return unwrap(flags, value);
  }

  @SuppressWarnings("unchecked")
  private static <T> T unwrap(int flags, Object value) {
    throwIfFailed(flags, value);
    return (T) value;
  }

  /** Re-throws the cached exception if {@code flags} say the last computation threw one. */
  static void throwIfFailed(int flags, Object value) {
    if ((flags & ERROR) != 0) {
      throw Sneaky.<RuntimeException>rethrow((Throwable) value);
    }
  }

  /**
   * Runs the computation, collecting dependencies, and stores its result. Lock held.
   *
   * <p>The equality cut-off is part of the computation: an equality that throws fails it like
   * the function would (the failure is cached), and what the equality reads is not tracked.
   *
   * <p>A {@link VirtualMachineError} (a StackOverflowError from a very deep first evaluation,
   * say) and the runtime's {@link Graph.DeferredRefresh} are not cached: the node is left to
   * compute again on the next read. Their handler only writes fields, so that it works even with
   * no stack left; links the failed run did not confirm are dropped by the next run.
   */
  void recompute() {
    ReactiveContext c = ctx;
    if (c.journalsEvaluations()) {
      c.computedJournal.record(this, value, cachedBits(), version, flags);
    }
    SpyDispatcher spy = c.spy;
    List<GraphNode> causes = spy == null ? null : spy.causesOfRecomputing(this);
    Subscriber outer = c.activeSub;
    int outerStamp = c.trackStamp;
    int stamp = c.nextTrackStamp();
    c.activeSub = this;
    c.trackStamp = stamp;
    depsTail = null;
    flags |= RUNNING;
    Throwable failure = null;
    Object result = null; // the new value of a Computed; a PrimitiveComputed stores its own
    boolean same = false;
    try {
      boolean compare = (flags & (INITIALIZED | ERROR)) == INITIALIZED;
      if (this instanceof PrimitiveComputed<?> primitive) {
        same = primitive.computeAndStore(compare);
      } else {
        result = ((Supplier<?>) fn).get();
        if (compare) {
          c.activeSub = null; // the equality's reads are no dependencies
          same = same(value, result);
        }
        if (!same) {
          value = result;
        }
      }
    } catch (CycleException e) {
      e.addToPath(this);
      failure = e;
    } catch (VirtualMachineError | Graph.DeferredRefresh e) {
      c.activeSub = outer;
      c.trackStamp = outerStamp;
      // not stored: the next read computes again. The cached value stays for the equality
      // cut-off: an over-deep refresh abandons computations this way and retries them
      flags = (flags & ~RUNNING) | DIRTY;
      throw e;
    } catch (Throwable e) {
      failure = e;
    }
    c.activeSub = outer;
    c.trackStamp = outerStamp;
    flags &= ~(RUNNING | DIRTY | PENDING);
    seenGlobalVersion = c.globalVersion;
    Graph.endTracking(this);
    if (!same) {
      if (failure != null) {
        value = failure;
        flags |= ERROR | INITIALIZED;
      } else {
        flags = (flags & ~ERROR) | INITIALIZED;
      }
      version++;
      if (subs != null) {
        Graph.markSubscribersDirty(this);
      }
    }
    if (spy != null) {
      Object computed = this instanceof PrimitiveComputed<?> ? cachedValue() : result;
      spy.recomputed(this, causes, failure != null ? failure : computed, !same);
    }
  }

  /** {@return the cached result as an object} Only when it is a result, not an exception. */
  Object cachedValue() {
    return value;
  }

  /** {@return the cached result of a {@link PrimitiveComputed}, for the journal; else 0} */
  long cachedBits() {
    return 0;
  }

  /** Restores what the journal recorded: the result or exception, and a primitive's bits. */
  void restore(Object result, long bits) {
    value = result;
  }

  /**
   * A rollback discarded what the evaluation recorded with {@code result} (and {@code bits}, for a
   * {@link PrimitiveComputed}), {@code oldVersion} and {@code oldFlags} may have read: back to that
   * result, to compute again on the next read. Readers that never saw the discarded result (their
   * link holds the old version) stay as they are if the computation gives the old result again; a
   * reader that did see it is linked to {@link #DISCARDED_VERSION}, which no node reaches in
   * practice (versions count up from 0), so it runs again whatever the computation gives. Lock
   * held.
   */
  void discardEvaluation(Object result, long bits, int oldVersion, int oldFlags) {
    restore(result, bits);
    version = oldVersion;
    flags = (flags & ~(INITIALIZED | ERROR)) | (oldFlags & (INITIALIZED | ERROR)) | DIRTY;
    seenGlobalVersion = ctx.globalVersion - 1;
    if (subs == null) {
      return;
    }
    for (WatchedLink link = subs; link != null; link = link.nextSub) {
      if (link.version != oldVersion) {
        link.version = DISCARDED_VERSION;
      }
    }
    Graph.propagate(ctx, subs, PENDING); // what watches it checks it again
  }

  private boolean same(Object cached, Object computed) {
    return fn instanceof WithEquality
        ? ((WithEquality<?>) fn).same(cached, computed)
        : Objects.equals(cached, computed);
  }

  /**
   * A computation together with the equality given at creation: most computeds have none, so
   * the equality costs a field only where there is one.
   */
  private static final class WithEquality<T> implements Supplier<T> {
    private final Supplier<? extends T> fn;
    private final BiPredicate<? super T, ? super T> equality;

    WithEquality(Supplier<? extends T> fn, BiPredicate<? super T, ? super T> equality) {
      this.fn = fn;
      this.equality = equality;
    }

    @Override
    public T get() {
      return fn.get();
    }

    @SuppressWarnings("unchecked")
    boolean same(Object cached, Object computed) {
      return equality.test((T) cached, (T) computed);
    }
  }

  /**
   * {@return its kind, name and cached value, e.g. {@code BooleanComputed 'TaskState.atLimit()' =
   * false}; {@code <stale>} (with the last value) when a dependency may have changed since,
   * {@code <not computed>} before the first read} Never computes; reads without locking.
   */
  @Override
  public final String toString() {
    int f = flags;
    if ((f & INITIALIZED) == 0) {
      return describe() + " <not computed>";
    }
    String shown = (f & ERROR) != 0 ? "<threw " + value + ">" : String.valueOf(cachedValue());
    return describe() + (isCurrent(f) ? " = " + shown : " = <stale> (was " + shown + ")");
  }

  @Override
  String kind() {
    return "Computed";
  }
}
