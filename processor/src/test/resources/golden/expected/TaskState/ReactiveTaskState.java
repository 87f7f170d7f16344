package test;

import dev.statewire.ActionScope;
import dev.statewire.BooleanComputed;
import dev.statewire.BooleanSignal;
import dev.statewire.Computed;
import dev.statewire.IntSignal;
import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.codec.StateCodecs;
import dev.statewire.codec.StateField;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link TaskState}.
 *
 * <p>Its reactive fields {@code counter}, {@code maxCounter}, {@code running} are signals:
 * other threads, effects and derived values see a change when the action or lock block
 * that made it ends. Its derived values {@link #atLimit()}, {@link #summary()} are cached,
 * each until something it reads changes. Its effect {@link #report()} starts at
 * construction, runs again after each commit that changes what it read, and stops at
 * {@link #close()}. Its actions {@link #toggleRunning()}, {@link #step()} run under the
 * lock of the instance's context; their writes are committed when the outermost action or
 * lock block ends, and rolled back if one throws. Its tracked read {@link #getCounter()}
 * makes a derived value or effect that calls it depend on the fields it reads.
 *
 * <p>Create one with any constructor of {@code TaskState}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveTaskState extends TaskState implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code counter}.
   */
  private final IntSignal counterSignal;

  /**
   * A plain copy of the committed value of {@code counter} (its signal's): what the start
   * and the commit of a session compare the field with, without reading the signal.
   */
  private int counterCommitted;

  /**
   * The committed value of {@code maxCounter}.
   */
  private final IntSignal maxCounterSignal;

  /**
   * A plain copy of the committed value of {@code maxCounter} (its signal's): what the start
   * and the commit of a session compare the field with, without reading the signal.
   */
  private int maxCounterCommitted;

  /**
   * The committed value of {@code running}.
   */
  private final BooleanSignal runningSignal;

  /**
   * A plain copy of the committed value of {@code running} (its signal's): what the start
   * and the commit of a session compare the field with, without reading the signal.
   */
  private boolean runningCommitted;

  /**
   * The cached value of {@link #atLimit()}.
   */
  private final BooleanComputed atLimitComputed;

  /**
   * The cached value of {@link #summary()}.
   */
  private final Computed<String> summaryComputed;

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
    this(context, ReactiveObject.Construction.begin(ReactiveTaskState.class, context), label);
  }

  /**
   * Runs {@link TaskState#TaskState(java.lang.String)} with {@code context} current, so that
   * the signals, computed values and collections its field initializers and body create
   * belong to it; then sets up this class's signals, computed values and effects.
   */
  private ReactiveTaskState(ReactiveContext context, ReactiveObject.Construction construction,
      String label) {
    super(label);
    construction.end();
    this.stateCore = new StateCore(context, "TaskState", CommitSafety.CANNOT_FAIL,
        this::verifyFields, this::commitFields, this::restoreFields, this::saveFields,
        this::restoreSavedFields);
    this.counterSignal = context.intSignal(this.counter).named("TaskState.counter");
    this.counterCommitted = this.counter;
    this.maxCounterSignal = context.intSignal(this.maxCounter).named("TaskState.maxCounter");
    this.maxCounterCommitted = this.maxCounter;
    this.runningSignal = context.booleanSignal(this.running).named("TaskState.running");
    this.runningCommitted = this.running;
    this.atLimitComputed =
        context.booleanComputed(this::computeAtLimit).named("TaskState.atLimit()");
    this.summaryComputed = context.computed(this::computeSummary).named("TaskState.summary()");
    stateCore.addEffect(context.effect(this::reportEffect).named("TaskState.report()"));
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
    this(context, ReactiveObject.Construction.begin(ReactiveTaskState.class, context));
  }

  /**
   * Runs {@link TaskState#TaskState()} with {@code context} current, so that the signals,
   * computed values and collections its field initializers and body create belong to it;
   * then sets up this class's signals, computed values and effects.
   */
  private ReactiveTaskState(ReactiveContext context, ReactiveObject.Construction construction) {
    super();
    construction.end();
    this.stateCore = new StateCore(context, "TaskState", CommitSafety.CANNOT_FAIL,
        this::verifyFields, this::commitFields, this::restoreFields, this::saveFields,
        this::restoreSavedFields);
    this.counterSignal = context.intSignal(this.counter).named("TaskState.counter");
    this.counterCommitted = this.counter;
    this.maxCounterSignal = context.intSignal(this.maxCounter).named("TaskState.maxCounter");
    this.maxCounterCommitted = this.maxCounter;
    this.runningSignal = context.booleanSignal(this.running).named("TaskState.running");
    this.runningCommitted = this.running;
    this.atLimitComputed =
        context.booleanComputed(this::computeAtLimit).named("TaskState.atLimit()");
    this.summaryComputed = context.computed(this::computeSummary).named("TaskState.summary()");
    stateCore.addEffect(context.effect(this::reportEffect).named("TaskState.report()"));
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of
   * {@code TaskState} runs, where a lock block is a plain block (the instance is not shared
   * yet).
   */
  @Override
  public ReactiveContext reactiveContext() {
    return stateCore == null ? null : stateCore.context();
  }

  /**
   * This instance's part in a lock session: commits or restores its fields when the
   * outermost action or lock block ends.
   */
  @Override
  public Transactional reactiveTransaction() {
    return stateCore;
  }

  /**
   * The fields a store persists, in declaration order: {@code counter}, {@code maxCounter},
   * {@code running}. Writing one through {@code StateField.write} is an action: inside a
   * lock block it is committed with the block.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("counter", "int", StateCodecs.INT, counterSignal,
            value -> stateCore.runAction(() -> this.counter = value)),
        StateField.of("maxCounter", "int", StateCodecs.INT, maxCounterSignal,
            value -> stateCore.runAction(() -> this.maxCounter = value)),
        StateField.of("running", "boolean", StateCodecs.BOOLEAN, runningSignal,
            value -> stateCore.runAction(() -> this.running = value)));
  }

  /**
   * Stops its effects. Only the first call does anything; afterwards the fields stay
   * readable and actions and lock blocks throw {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    if (!stateCore.beginClose()) {
      return;
    }
    stateCore.close();
  }

  /**
   * Derived value, cached until something it read changes: fields {@code counter},
   * {@code maxCounter}. Inside an action it is computed afresh, from the fields as written
   * so far.
   */
  @Override
  boolean atLimit() {
    if (stateCore == null) {
      // called by the constructor of TaskState, before this class is set up
      return super.atLimit();
    }
    if (stateCore.readsUncommitted()) {
      return computeAtLimit();
    }
    return atLimitComputed.getBoolean();
  }

  /**
   * Derived value, cached until something it read changes: field {@code counter} and derived
   * value {@link #atLimit()}. Inside an action it is computed afresh, from the fields as
   * written so far.
   */
  @Override
  String summary() {
    if (stateCore == null) {
      // called by the constructor of TaskState, before this class is set up
      return super.summary();
    }
    if (stateCore.readsUncommitted()) {
      return computeSummary();
    }
    return summaryComputed.get();
  }

  /**
   * Tracked read of fields {@code counter}, {@code maxCounter}. Inside a derived value or an
   * effect the caller depends on them; from a thread outside the lock it reads the committed
   * state under the lock.
   */
  @Override
  void report() {
    if (stateCore == null) {
      // called by the constructor of TaskState, before this class is set up
      super.report();
      return;
    }
    if (!stateCore.isLockHeld()) {
      LockGuard guard = stateCore.enter();
      try {
        super.report();
        return;
      } finally {
        guard.close();
      }
    }
    counterSignal.getInt();
    maxCounterSignal.getInt();
    super.report();
  }

  /**
   * Tracked read of {@code counter}. Inside a derived value or an effect the caller depends
   * on it; elsewhere it returns the committed value without locking.
   */
  @Override
  public int getCounter() {
    if (stateCore == null) {
      // called by the constructor of TaskState, before this class is set up
      return super.getCounter();
    }
    if (stateCore.isLockHeld()) {
      counterSignal.getInt();
      return super.getCounter();
    }
    return counterSignal.peekInt();
  }

  /**
   * Action writing {@code counter}, {@code running}: runs under the context lock, untracked;
   * the changes are committed when the outermost action or lock block ends, and rolled back
   * if it throws.
   */
  @Override
  void toggleRunning() {
    if (stateCore == null) {
      // called by the constructor of TaskState, before this class is set up
      super.toggleRunning();
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.toggleRunning();
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Action writing {@code counter}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  void step() {
    if (stateCore == null) {
      // called by the constructor of TaskState, before this class is set up
      super.step();
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.step();
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Evaluates {@link #atLimit()} and makes the caller depend on fields {@code counter},
   * {@code maxCounter}.
   */
  private boolean computeAtLimit() {
    counterSignal.getInt();
    maxCounterSignal.getInt();
    return super.atLimit();
  }

  /**
   * Evaluates {@link #summary()} and makes the caller depend on field {@code counter} and
   * derived value {@link #atLimit()}.
   */
  private String computeSummary() {
    counterSignal.getInt();
    return super.summary();
  }

  /**
   * The effect {@link #report()}: runs at construction, then after every commit that changes
   * fields {@code counter}, {@code maxCounter}.
   */
  private void reportEffect() {
    counterSignal.getInt();
    maxCounterSignal.getInt();
    super.report();
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (counter != counterCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("TaskState", "counter");
    }
    if (maxCounter != maxCounterCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("TaskState", "maxCounter");
    }
    if (running != runningCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("TaskState", "running");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. Its
   * comparisons are of primitive values and cannot throw.
   */
  private void commitFields() {
    if (counter != counterCommitted) {
      stateCore.publish(counterSignal, counter);
      counterCommitted = counter;
    }
    if (maxCounter != maxCounterCommitted) {
      stateCore.publish(maxCounterSignal, maxCounter);
      maxCounterCommitted = maxCounter;
    }
    if (running != runningCommitted) {
      stateCore.publish(runningSignal, running);
      runningCommitted = running;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    counter = counterSignal.peekInt();
    counterCommitted = counter;
    maxCounter = maxCounterSignal.peekInt();
    maxCounterCommitted = maxCounter;
    running = runningSignal.peekBoolean();
    runningCommitted = running;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (counter != counterSignal.peekInt()) {
      counter = counterSignal.peekInt();
      counterSignal.markChanged();
    }
    if (maxCounter != maxCounterSignal.peekInt()) {
      maxCounter = maxCounterSignal.peekInt();
      maxCounterSignal.markChanged();
    }
    if (running != runningSignal.peekBoolean()) {
      running = runningSignal.peekBoolean();
      runningSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {counter, maxCounter, running};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    counter = (int) saved[0];
    maxCounter = (int) saved[1];
    running = (boolean) saved[2];
  }
}
