package test;

import dev.statewire.Computed;
import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.support.StateCore;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Box}.
 *
 * <p>Each reactive field is a signal ({@code value}, {@code history}, {@code weight}),
 * each {@code @Derived} method a cached computed value, each {@code @Effect} method an
 * effect started at construction and stopped by {@link #close()}. A method that writes
 * fields is an action: it runs under the lock of the instance's {@link ReactiveContext}
 * and its changes are committed when the outermost action or lock block ends (rolled back
 * if it throws). A method that reads fields is a tracked read: called inside a derived
 * value or an effect, the caller depends on the fields it reads, and calls into other
 * reactive objects are tracked when they run.
 *
 * <p>Create one with any constructor of {@code Box}, optionally preceded by the context to
 * place it in (default: {@link ReactiveContext#current()}).
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveBox<T extends Comparable<T>> extends Box<T> implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore $$sw$core;

  /**
   * The committed value of {@code value}.
   */
  private final Signal<T> $$sw$value;

  /**
   * The committed value of {@code history}.
   */
  private final Signal<List<T>> $$sw$history;

  /**
   * The committed value of {@code weight}.
   */
  private final Signal<Double> $$sw$weight;

  /**
   * The cached value of {@link #grew()}.
   */
  private final Computed<Boolean> $$sw$grew$derived;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see
   * {@link Box#Box(java.lang.Comparable)}.
   */
  public ReactiveBox(T value) {
    this(ReactiveContext.current(), value);
  }

  /**
   * Creates the state in {@code context}; see {@link Box#Box(java.lang.Comparable)}. Its
   * effects run once before the constructor returns.
   */
  public ReactiveBox(ReactiveContext context, T value) {
    super(value);
    this.$$sw$core = new StateCore(context, "Box", this::$$sw$verify, this::$$sw$commit,
        this::$$sw$rollback, this::$$sw$savepoint, this::$$sw$restoreSavepoint);
    this.$$sw$value = context.signal(this.value).named("Box.value");
    this.$$sw$history = context.signal(this.history).named("Box.history");
    this.$$sw$weight = context.signal(this.weight).named("Box.weight");
    this.$$sw$grew$derived = context.computed(this::$$sw$grew$compute).named("Box.grew()");
  }

  @Override
  public ReactiveContext reactiveContext() {
    return $$sw$core.context();
  }

  @Override
  public Transactional reactiveTransaction() {
    return $$sw$core;
  }

  /**
   * Stops the effects of this instance. Its fields stay readable; actions and lock blocks
   * then throw {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    $$sw$core.close();
  }

  /**
   * Tracked read of {@code value}. Inside a derived value or an effect the caller depends on
   * it; elsewhere it returns the committed value without locking.
   */
  @Override
  public T get() {
    if ($$sw$core == null) {
      // called by the constructor of Box, before this class is set up
      return super.get();
    }
    if ($$sw$core.isLockHeld()) {
      $$sw$value.get();
      return super.get();
    }
    return $$sw$value.peek();
  }

  /**
   * Action writing {@code value}, {@code history}: runs under the context lock, untracked;
   * the changes are committed when the outermost action or lock block ends, and rolled back
   * if it throws.
   */
  @Override
  public void set(T value) {
    if ($$sw$core == null) {
      // called by the constructor of Box, before this class is set up
      super.set(value);
      return;
    }
    try (LockGuard guard = $$sw$core.beginAction()) {
      try {
        $$sw$core.runUntracked(() -> super.set(value));
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * Derived value, cached until something it read changes: fields {@code value},
   * {@code history}. Inside an action it is computed afresh, from the fields as written so
   * far.
   */
  @Override
  public boolean grew() {
    if ($$sw$core == null) {
      // called by the constructor of Box, before this class is set up
      return super.grew();
    }
    if ($$sw$core.readsUncommitted()) {
      return $$sw$grew$compute();
    }
    return $$sw$grew$derived.get();
  }

  /**
   * Tracked read of field {@code value}. Inside a derived value or an effect the caller
   * depends on them; from a thread outside the lock it reads the committed state under the
   * lock.
   */
  @Override
  public <R> R map(Function<? super T, R> fn) {
    if ($$sw$core == null) {
      // called by the constructor of Box, before this class is set up
      return super.map(fn);
    }
    if (!$$sw$core.isLockHeld()) {
      LockGuard guard = $$sw$core.enter();
      try {
        return super.map(fn);
      } finally {
        guard.close();
      }
    }
    $$sw$value.get();
    return super.map(fn);
  }

  /**
   * Action writing {@code history}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void clearFrom(Reader reader) throws IOException {
    if ($$sw$core == null) {
      // called by the constructor of Box, before this class is set up
      super.clearFrom(reader);
      return;
    }
    try (LockGuard guard = $$sw$core.beginAction()) {
      try {
        $$sw$core.runUntracked(() -> super.clearFrom(reader));
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * Action writing {@code history}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void clearChecked() throws IOException, TimeoutException {
    if ($$sw$core == null) {
      // called by the constructor of Box, before this class is set up
      super.clearChecked();
      return;
    }
    try (LockGuard guard = $$sw$core.beginAction()) {
      try {
        super.clearChecked();
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * Evaluates {@link #grew()} and makes the caller depend on fields {@code value},
   * {@code history}.
   */
  private boolean $$sw$grew$compute() {
    $$sw$value.get();
    $$sw$history.get();
    return super.grew();
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void $$sw$verify() {
    if (!Objects.equals(value, $$sw$value.peek())) {
      $$sw$restoreMutated();
      throw new StateMutationException("Box", "value");
    }
    if (!Objects.equals(history, $$sw$history.peek())) {
      $$sw$restoreMutated();
      throw new StateMutationException("Box", "history");
    }
    if (Double.compare(weight, $$sw$weight.peek()) != 0) {
      $$sw$restoreMutated();
      throw new StateMutationException("Box", "weight");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing; runs once
   * when the outermost action or lock block ends. If a comparison throws, nothing is
   * published and the fields roll back.
   */
  private void $$sw$commit() {
    if (!Objects.equals(value, $$sw$value.peek())) {
      $$sw$core.publish($$sw$value, value);
    }
    if (!Objects.equals(history, $$sw$history.peek())) {
      $$sw$core.publish($$sw$history, history);
    }
    if (Double.compare(weight, $$sw$weight.peek()) != 0) {
      $$sw$core.publish($$sw$weight, weight);
    }
  }

  /**
   * Restores every field to its committed value; runs when the outermost action or lock
   * block throws.
   */
  private void $$sw$rollback() {
    value = $$sw$value.peek();
    history = $$sw$history.peek();
    weight = $$sw$weight.peek();
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void $$sw$restoreMutated() {
    if (value != $$sw$value.peek()) {
      value = $$sw$value.peek();
      $$sw$value.markChanged();
    }
    if (history != $$sw$history.peek()) {
      history = $$sw$history.peek();
      $$sw$history.markChanged();
    }
    if (Double.compare(weight, $$sw$weight.peek()) != 0) {
      weight = $$sw$weight.peek();
      $$sw$weight.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] $$sw$savepoint() {
    return new Object[] {value, history, weight};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void $$sw$restoreSavepoint(Object[] saved) {
    value = (T) saved[0];
    history = (List<T>) saved[1];
    weight = (double) saved[2];
  }
}
