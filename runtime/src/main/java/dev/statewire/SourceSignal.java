package dev.statewire;

import java.util.Objects;

/**
 * A writable node of the graph, whose value is set from outside it: a {@link Signal}, or one of
 * the kinds that hold a primitive without boxing ({@link IntSignal}, {@link LongSignal}, {@link
 * DoubleSignal}, {@link BooleanSignal}). What they share: tracked reads, versions, propagation,
 * the write journal of a lock session, the commit of state objects and {@link #markChanged()}.
 *
 * @param <T> the value's type ({@code Integer} for an {@link IntSignal}, and so on: its {@link
 *     #get()} and {@link #peek()} box)
 */
public abstract sealed class SourceSignal<T> extends Node implements ReadableSignal<T>, GraphNode
    permits Signal, PrimitiveSignal {

  SourceSignal(ReactiveContext ctx) {
    super(ctx);
  }

  /** {@return the name given with {@code named(...)}, or null} */
  @Override
  public final String name() {
    return name;
  }

  /** Sets the name shown in messages; what each kind's {@code named} calls. */
  final void rename(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public final ReactiveContext context() {
    return ctx;
  }

  /**
   * A read-only view of this signal, to hand out where callers may read but not write: reading
   * it is reading this signal (tracked the same way).
   *
   * @return a view that reads this signal
   */
  public final ReadableSignal<T> asReadonly() {
    return new ReadonlySignal<>(this);
  }

  /**
   * Whether the calling thread holds the lock; if so, a running computation or effect now
   * depends on this signal. The start of every read.
   */
  final boolean trackedUnderLock() {
    ReactiveContext c = ctx;
    if (c.lock.isHeldByCurrentThread()) {
      Subscriber running = c.activeSub;
      if (running != null) {
        Graph.track(c, this, running);
      }
      return true;
    }
    return false;
  }

  /**
   * After a write stored its new value (which differs from the old one): counts the change,
   * journals the old value inside a session, and marks what depends on this signal. A value
   * {@code writtenBack} to what it was before the session's first write restores the version
   * from then (subscribers were marked PENDING, so they re-check and find nothing changed).
   *
   * @param journaled whether the signal was journaled before this write
   * @param oldValue the old value, for the journal (a {@link Signal}'s)
   * @param oldBits the old value, for the journal (a {@link PrimitiveSignal}'s)
   */
  final void wrote(
      ReactiveContext c, boolean journaled, boolean writtenBack, Object oldValue, long oldBits) {
    c.globalVersion++;
    int mark = DIRTY;
    if (journaled) {
      mark = PENDING;
      if (writtenBack) {
        version = c.journal.versionBefore(this);
        return;
      }
    } else if (c.insideSession() && c.journal.record(this, oldValue, oldBits, version)) {
      mark = PENDING;
    }
    version++;
    if (subs != null) {
      Graph.propagate(c, subs, mark);
    }
  }

  /**
   * Tells what depends on this signal that its value changed, though it is the same value (after
   * mutating an object in place, say): computed values that read it compute again, effects that
   * read it run. Like a write, it takes the context lock and fails inside a computation.
   */
  public final void markChanged() {
    ReactiveContext c = ctx;
    c.enterUninterruptibly();
    try {
      c.checkWriteAllowed(this);
      if (c.spy != null) {
        T value = peek();
        c.spy.signalWritten(this, value, value);
      }
      c.globalVersion++;
      changed();
    } finally {
      c.exit();
    }
  }

  /**
   * Stores a value a commit decided on, without consulting the equality (the participant did),
   * and marks what depends on it. Lock held; nothing here can throw.
   *
   * @param value the value, for a {@link Signal}
   * @param bits the value, for a {@link PrimitiveSignal}
   */
  abstract void publish(Object value, long bits);

  /** {@return the committed value {@link #publish} would store, as an object} */
  abstract Object committedValue(Object value, long bits);

  /** Counts a change and marks what depends on this signal. Lock held. */
  final void changed() {
    flags &= ~JOURNALED; // a later write back must not restore the version from before this
    version++;
    if (subs != null) {
      Graph.propagate(ctx, subs, DIRTY);
    }
  }
}
