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
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link TaskState}.
 *
 * <p>Each reactive field is a signal ({@code counter}, {@code maxCounter},
 * {@code running}), each {@code @Derived} method a cached computed value, each
 * {@code @Effect} method an effect started at construction and stopped by
 * {@link #close()}. A method that writes fields is an action: it runs under the lock of
 * the instance's {@link ReactiveContext} and its changes are committed when the outermost
 * action or lock block ends (rolled back if it throws). A method that reads fields is a
 * tracked read: called inside a derived value or an effect, the caller depends on the
 * fields it reads, and calls into other reactive objects are tracked when they run.
 *
 * <p>Create one with any constructor of {@code TaskState}, optionally preceded by the
 * context to place it in (default: {@link ReactiveContext#current()}).
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveTaskState extends TaskState implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore $$sw$core;

  /**
   * The committed value of {@code counter}.
   */
  private final Signal<Integer> $$sw$counter;

  /**
   * The committed value of {@code maxCounter}.
   */
  private final Signal<Integer> $$sw$maxCounter;

  /**
   * The committed value of {@code running}.
   */
  private final Signal<Boolean> $$sw$running;

  /**
   * The cached value of {@link #atLimit()}.
   */
  private final Computed<Boolean> $$sw$atLimit$derived;

  /**
   * The cached value of {@link #summary()}.
   */
  private final Computed<String> $$sw$summary$derived;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see
   * {@link TaskState#TaskState(java.lang.String)}.
   */
  public ReactiveTaskState(String label) {
    this(ReactiveContext.current(), label);
  }

  /**
   * Creates the state in {@code context}; see {@link TaskState#TaskState(java.lang.String)}.
   * Its effects run once before the constructor returns.
   */
  public ReactiveTaskState(ReactiveContext context, String label) {
    super(label);
    this.$$sw$core = new StateCore(context, "TaskState", this::$$sw$verify, this::$$sw$commit,
        this::$$sw$rollback, this::$$sw$savepoint, this::$$sw$restoreSavepoint);
    this.$$sw$counter = context.signal(this.counter).named("TaskState.counter");
    this.$$sw$maxCounter = context.signal(this.maxCounter).named("TaskState.maxCounter");
    this.$$sw$running = context.signal(this.running).named("TaskState.running");
    this.$$sw$atLimit$derived =
        context.computed(this::$$sw$atLimit$compute).named("TaskState.atLimit()");
    this.$$sw$summary$derived =
        context.computed(this::$$sw$summary$compute).named("TaskState.summary()");
    $$sw$core.addEffect(context.effect(this::$$sw$report$run).named("TaskState.report()"));
  }

  /**
   * Creates the state in {@link ReactiveContext#current()}; see
   * {@link TaskState#TaskState()}.
   */
  ReactiveTaskState() {
    this(ReactiveContext.current());
  }

  /**
   * Creates the state in {@code context}; see {@link TaskState#TaskState()}. Its effects run
   * once before the constructor returns.
   */
  ReactiveTaskState(ReactiveContext context) {
    super();
    this.$$sw$core = new StateCore(context, "TaskState", this::$$sw$verify, this::$$sw$commit,
        this::$$sw$rollback, this::$$sw$savepoint, this::$$sw$restoreSavepoint);
    this.$$sw$counter = context.signal(this.counter).named("TaskState.counter");
    this.$$sw$maxCounter = context.signal(this.maxCounter).named("TaskState.maxCounter");
    this.$$sw$running = context.signal(this.running).named("TaskState.running");
    this.$$sw$atLimit$derived =
        context.computed(this::$$sw$atLimit$compute).named("TaskState.atLimit()");
    this.$$sw$summary$derived =
        context.computed(this::$$sw$summary$compute).named("TaskState.summary()");
    $$sw$core.addEffect(context.effect(this::$$sw$report$run).named("TaskState.report()"));
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
   * Derived value, cached until something it read changes: fields {@code counter},
   * {@code maxCounter}. Inside an action it is computed afresh, from the fields as written
   * so far.
   */
  @Override
  boolean atLimit() {
    if ($$sw$core == null) {
      // called by the constructor of TaskState, before this class is set up
      return super.atLimit();
    }
    if ($$sw$core.readsUncommitted()) {
      return $$sw$atLimit$compute();
    }
    return $$sw$atLimit$derived.get();
  }

  /**
   * Derived value, cached until something it read changes: field {@code counter} and derived
   * value {@link #atLimit()}. Inside an action it is computed afresh, from the fields as
   * written so far.
   */
  @Override
  String summary() {
    if ($$sw$core == null) {
      // called by the constructor of TaskState, before this class is set up
      return super.summary();
    }
    if ($$sw$core.readsUncommitted()) {
      return $$sw$summary$compute();
    }
    return $$sw$summary$derived.get();
  }

  /**
   * Tracked read of fields {@code counter}, {@code maxCounter}. Inside a derived value or an
   * effect the caller depends on them; from a thread outside the lock it reads the committed
   * state under the lock.
   */
  @Override
  void report() {
    if ($$sw$core == null) {
      // called by the constructor of TaskState, before this class is set up
      super.report();
      return;
    }
    if (!$$sw$core.isLockHeld()) {
      LockGuard guard = $$sw$core.enter();
      try {
        super.report();
        return;
      } finally {
        guard.close();
      }
    }
    $$sw$counter.get();
    $$sw$maxCounter.get();
    super.report();
  }

  /**
   * Tracked read of {@code counter}. Inside a derived value or an effect the caller depends
   * on it; elsewhere it returns the committed value without locking.
   */
  @Override
  public int getCounter() {
    if ($$sw$core == null) {
      // called by the constructor of TaskState, before this class is set up
      return super.getCounter();
    }
    if ($$sw$core.isLockHeld()) {
      $$sw$counter.get();
      return super.getCounter();
    }
    return $$sw$counter.peek();
  }

  /**
   * Action writing {@code counter}, {@code running}: runs under the context lock, untracked;
   * the changes are committed when the outermost action or lock block ends, and rolled back
   * if it throws.
   */
  @Override
  void toggleRunning() {
    if ($$sw$core == null) {
      // called by the constructor of TaskState, before this class is set up
      super.toggleRunning();
      return;
    }
    try (LockGuard guard = $$sw$core.beginAction()) {
      try {
        $$sw$core.runUntracked(() -> super.toggleRunning());
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * Action writing {@code counter}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  void step() {
    if ($$sw$core == null) {
      // called by the constructor of TaskState, before this class is set up
      super.step();
      return;
    }
    try (LockGuard guard = $$sw$core.beginAction()) {
      try {
        $$sw$core.runUntracked(() -> super.step());
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * Evaluates {@link #atLimit()} and makes the caller depend on fields {@code counter},
   * {@code maxCounter}.
   */
  private boolean $$sw$atLimit$compute() {
    $$sw$counter.get();
    $$sw$maxCounter.get();
    return super.atLimit();
  }

  /**
   * Evaluates {@link #summary()} and makes the caller depend on field {@code counter} and
   * derived value {@link #atLimit()}.
   */
  private String $$sw$summary$compute() {
    $$sw$counter.get();
    return super.summary();
  }

  /**
   * The effect {@link #report()}: runs at construction, then after every commit that changes
   * fields {@code counter}, {@code maxCounter}.
   */
  private void $$sw$report$run() {
    $$sw$counter.get();
    $$sw$maxCounter.get();
    super.report();
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void $$sw$verify() {
    if (counter != $$sw$counter.peek()) {
      $$sw$restoreMutated();
      throw new StateMutationException("TaskState", "counter");
    }
    if (maxCounter != $$sw$maxCounter.peek()) {
      $$sw$restoreMutated();
      throw new StateMutationException("TaskState", "maxCounter");
    }
    if (running != $$sw$running.peek()) {
      $$sw$restoreMutated();
      throw new StateMutationException("TaskState", "running");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing; runs once
   * when the outermost action or lock block ends. If a comparison throws, nothing is
   * published and the fields roll back.
   */
  private void $$sw$commit() {
    if (counter != $$sw$counter.peek()) {
      $$sw$core.publish($$sw$counter, counter);
    }
    if (maxCounter != $$sw$maxCounter.peek()) {
      $$sw$core.publish($$sw$maxCounter, maxCounter);
    }
    if (running != $$sw$running.peek()) {
      $$sw$core.publish($$sw$running, running);
    }
  }

  /**
   * Restores every field to its committed value; runs when the outermost action or lock
   * block throws.
   */
  private void $$sw$rollback() {
    counter = $$sw$counter.peek();
    maxCounter = $$sw$maxCounter.peek();
    running = $$sw$running.peek();
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void $$sw$restoreMutated() {
    if (counter != $$sw$counter.peek()) {
      counter = $$sw$counter.peek();
      $$sw$counter.markChanged();
    }
    if (maxCounter != $$sw$maxCounter.peek()) {
      maxCounter = $$sw$maxCounter.peek();
      $$sw$maxCounter.markChanged();
    }
    if (running != $$sw$running.peek()) {
      running = $$sw$running.peek();
      $$sw$running.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] $$sw$savepoint() {
    return new Object[] {counter, maxCounter, running};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void $$sw$restoreSavepoint(Object[] saved) {
    counter = (int) saved[0];
    maxCounter = (int) saved[1];
    running = (boolean) saved[2];
  }
}
