package dev.statewire;

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
 * every read re-throws it until a dependency changes.
 *
 * <p>A computed that no effect depends on is not referenced by its sources, so it is garbage
 * once the program drops it.
 *
 * @param <T> the value's type
 */
public final class Computed<T> extends Subscriber implements ReadableSignal<T> {
  private final Supplier<? extends T> fn;
  private final BiPredicate<? super T, ? super T> equality;
  /** The result, or the exception thrown, of the last computation. */
  private Object value;
  /** The context's global version when this was last known up to date (unwatched mode). */
  int seenGlobalVersion;

  Computed(ReactiveContext ctx, Supplier<? extends T> fn,
      BiPredicate<? super T, ? super T> equality) {
    super(ctx);
    this.fn = Objects.requireNonNull(fn, "fn");
    this.equality = equality;
  }

  /** A computed in {@link ReactiveContext#current()}, compared with {@link Objects#equals}. */
  public static <T> Computed<T> of(Supplier<? extends T> fn) {
    return new Computed<>(ReactiveContext.current(), fn, null);
  }

  /** A computed in {@link ReactiveContext#current()}; {@code equality} decides "unchanged". */
  public static <T> Computed<T> of(Supplier<? extends T> fn,
      BiPredicate<? super T, ? super T> equality) {
    return new Computed<>(ReactiveContext.current(), fn,
        Objects.requireNonNull(equality, "equality"));
  }

  /** Names this computed in error messages and generated descriptions; returns this. */
  public Computed<T> named(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** The name given with {@link #named}, or null. */
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
      Subscriber running = c.activeSub;
      try {
        Graph.refresh(this);
      } catch (CycleException e) {
        if (running != null) {
          // the reader depends on this node, so it runs again once the cycle is broken
          Graph.track(c, this, running);
        }
        throw e;
      }
      if (running != null) {
        Graph.track(c, this, running);
      }
      return result();
    }
    return readWithoutLock();
  }

  @Override
  public T peek() {
    ReactiveContext c = ctx;
    if (c.lock.isHeldByCurrentThread()) {
      Graph.refresh(this);
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
    boolean upToDate = (f & INITIALIZED) != 0
        && ((f & WATCHED) != 0 ? (f & (DIRTY | PENDING)) == 0
                               : seenGlobalVersion == c.globalVersion);
    if (upToDate && c.lock.validate(stamp)) {
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

  private T result() {
    return unwrap(flags, value);
  }

  @SuppressWarnings("unchecked")
  private static <T> T unwrap(int flags, Object value) {
    if ((flags & ERROR) != 0) {
      throw Sneaky.<RuntimeException>rethrow((Throwable) value);
    }
    return (T) value;
  }

  /**
   * Runs the computation, collecting dependencies, and stores its result. Lock held.
   *
   * <p>An {@link Error} (a StackOverflowError from a very deep first evaluation, say) is not
   * cached: the node is left to compute again on the next read. Its handler only writes fields,
   * so that it works even with no stack left; links the failed run did not confirm are dropped
   * by the next run.
   */
  void recompute() {
    ReactiveContext c = ctx;
    Subscriber outer = c.activeSub;
    int outerStamp = c.trackStamp;
    int stamp = c.nextTrackStamp();
    c.activeSub = this;
    c.trackStamp = stamp;
    depsTail = null;
    flags |= RUNNING;
    Object result;
    boolean failed;
    try {
      result = fn.get();
      failed = false;
    } catch (CycleException e) {
      e.addToPath(this);
      result = e;
      failed = true;
    } catch (Error e) {
      c.activeSub = outer;
      c.trackStamp = outerStamp;
      // not stored: the next read computes again. The cached value stays for the equality
      // cut-off: an over-deep refresh abandons computations this way and retries them
      flags = (flags & ~RUNNING) | DIRTY;
      throw e;
    } catch (Throwable e) {
      result = e;
      failed = true;
    }
    c.activeSub = outer;
    c.trackStamp = outerStamp;
    flags &= ~(RUNNING | DIRTY | PENDING);
    seenGlobalVersion = c.globalVersion;
    Graph.endTracking(this);
    store(result, failed);
  }

  @SuppressWarnings("unchecked")
  private void store(Object result, boolean failed) {
    int f = flags;
    if (!failed && (f & INITIALIZED) != 0 && (f & ERROR) == 0 && same((T) value, (T) result)) {
      return;
    }
    value = result;
    flags = failed ? f | ERROR | INITIALIZED : (f & ~ERROR) | INITIALIZED;
    version++;
  }

  private boolean same(T a, T b) {
    return equality == null ? Objects.equals(a, b) : equality.test(a, b);
  }

  @Override
  String kind() {
    return "Computed";
  }
}
