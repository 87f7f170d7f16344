package test;

import dev.statewire.ActionScope;
import dev.statewire.BooleanComputed;
import dev.statewire.DoubleSignal;
import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.codec.StateCodecs;
import dev.statewire.codec.StateField;
import dev.statewire.support.CommitSafety;
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
 * <p>Its reactive fields {@code value}, {@code history}, {@code weight} are signals: other
 * threads, effects and derived values see a change when the action or lock block that made
 * it ends. Its derived value {@link #grew()} is cached until something it reads changes.
 * Its actions {@link #set(java.lang.Comparable)}, {@link #clearFrom(java.io.Reader)},
 * {@link #clearChecked()} run under the lock of the instance's context; their writes are
 * committed when the outermost action or lock block ends, and rolled back if one throws.
 * Its tracked reads {@link #get()}, {@link #map(java.util.function.Function)} make a
 * derived value or effect that calls them depend on the fields they read.
 *
 * <p>Create one with any constructor of {@code Box}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveBox<T extends Comparable<T>> extends Box<T> implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code value}.
   */
  private final Signal<T> valueSignal;

  /**
   * A plain copy of the committed value of {@code value} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private T valueCommitted;

  /**
   * The committed value of {@code history}.
   */
  private final Signal<List<T>> historySignal;

  /**
   * A plain copy of the committed value of {@code history} (its signal's): what the start
   * and the commit of a session compare the field with, without reading the signal.
   */
  private List<T> historyCommitted;

  /**
   * The committed value of {@code weight}.
   */
  private final DoubleSignal weightSignal;

  /**
   * A plain copy of the committed value of {@code weight} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private double weightCommitted;

  /**
   * The cached value of {@link #grew()}.
   */
  private final BooleanComputed grewComputed;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see
   * {@link Box#Box(java.lang.Comparable)}.
   */
  public ReactiveBox(T value) {
    this(ReactiveContext.current(), value);
  }

  /**
   * Creates the state in {@code context}; see {@link Box#Box(java.lang.Comparable)}.
   */
  public ReactiveBox(ReactiveContext context, T value) {
    this(context, ReactiveObject.Construction.begin(ReactiveBox.class, context), value);
  }

  /**
   * Runs {@link Box#Box(java.lang.Comparable)} with {@code context} current, so that the
   * signals, computed values and collections its field initializers and body create belong
   * to it; then sets up this class's signals, computed values and effects.
   */
  private ReactiveBox(ReactiveContext context, ReactiveObject.Construction construction, T value) {
    super(value);
    construction.end();
    this.stateCore = new StateCore(context, "Box", CommitSafety.MAY_FAIL, this::verifyFields,
        this::commitFields, this::restoreFields, this::saveFields, this::restoreSavedFields);
    this.valueSignal = context.signal(this.value).named("Box.value");
    this.valueCommitted = this.value;
    this.historySignal = context.signal(this.history).named("Box.history");
    this.historyCommitted = this.history;
    this.weightSignal = context.doubleSignal(this.weight).named("Box.weight");
    this.weightCommitted = this.weight;
    this.grewComputed = context.booleanComputed(this::computeGrew).named("Box.grew()");
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of {@code Box}
   * runs, where a lock block is a plain block (the instance is not shared yet).
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
   * The fields a store persists, in declaration order: {@code value}, {@code history},
   * {@code weight}. Writing one through {@code StateField.write} is an action: inside a lock
   * block it is committed with the block. Field {@code value} has no codec: a store must be
   * given one for {@code T}. Field {@code history} has no codec: a store must be given one
   * for {@code java.util.List<T>}.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.withoutCodec("value", "T", valueSignal,
            value -> stateCore.runAction(() -> this.value = value)),
        StateField.withoutCodec("history", "java.util.List<T>", historySignal,
            value -> stateCore.runAction(() -> this.history = value)),
        StateField.of("weight", "double", StateCodecs.DOUBLE, weightSignal,
            value -> stateCore.runAction(() -> this.weight = value)));
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
   * Tracked read of {@code value}. Inside a derived value or an effect the caller depends on
   * it; elsewhere it returns the committed value without locking.
   */
  @Override
  public T get() {
    if (stateCore == null) {
      // called by the constructor of Box, before this class is set up
      return super.get();
    }
    if (stateCore.isLockHeld()) {
      valueSignal.get();
      return super.get();
    }
    return valueSignal.peek();
  }

  /**
   * Action writing {@code value}, {@code history}: runs under the context lock, untracked;
   * the changes are committed when the outermost action or lock block ends, and rolled back
   * if it throws.
   */
  @Override
  public void set(T value) {
    if (stateCore == null) {
      // called by the constructor of Box, before this class is set up
      super.set(value);
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.set(value);
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Derived value, cached until something it read changes: fields {@code value},
   * {@code history}. Inside an action it is computed afresh, from the fields as written so
   * far.
   */
  @Override
  public boolean grew() {
    if (stateCore == null) {
      // called by the constructor of Box, before this class is set up
      return super.grew();
    }
    if (stateCore.readsUncommitted()) {
      return computeGrew();
    }
    return grewComputed.getBoolean();
  }

  /**
   * Tracked read of field {@code value}. Inside a derived value or an effect the caller
   * depends on them; from a thread outside the lock it reads the committed state under the
   * lock.
   */
  @Override
  public <R> R map(Function<? super T, R> fn) {
    if (stateCore == null) {
      // called by the constructor of Box, before this class is set up
      return super.map(fn);
    }
    if (!stateCore.isLockHeld()) {
      LockGuard guard = stateCore.enter();
      try {
        return super.map(fn);
      } finally {
        guard.close();
      }
    }
    valueSignal.get();
    return super.map(fn);
  }

  /**
   * Action writing {@code history}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void clearFrom(Reader reader) throws IOException {
    if (stateCore == null) {
      // called by the constructor of Box, before this class is set up
      super.clearFrom(reader);
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.clearFrom(reader);
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Action writing {@code history}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void clearChecked() throws IOException, TimeoutException {
    if (stateCore == null) {
      // called by the constructor of Box, before this class is set up
      super.clearChecked();
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.clearChecked();
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Evaluates {@link #grew()} and makes the caller depend on fields {@code value},
   * {@code history}.
   */
  private boolean computeGrew() {
    valueSignal.get();
    historySignal.get();
    return super.grew();
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (!Objects.equals(value, valueCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Box", "value");
    }
    if (!Objects.equals(history, historyCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Box", "history");
    }
    if (Double.compare(weight, weightCommitted) != 0) {
      restoreMutatedFields();
      throw new StateMutationException("Box", "weight");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. If a
   * comparison throws, nothing is published and the fields roll back.
   */
  private void commitFields() {
    if (!Objects.equals(value, valueCommitted)) {
      stateCore.publish(valueSignal, value);
      valueCommitted = value;
    }
    if (!Objects.equals(history, historyCommitted)) {
      stateCore.publish(historySignal, history);
      historyCommitted = history;
    }
    if (Double.compare(weight, weightCommitted) != 0) {
      stateCore.publish(weightSignal, weight);
      weightCommitted = weight;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    value = valueSignal.peek();
    valueCommitted = value;
    history = historySignal.peek();
    historyCommitted = history;
    weight = weightSignal.peekDouble();
    weightCommitted = weight;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (value != valueSignal.peek()) {
      value = valueSignal.peek();
      valueSignal.markChanged();
    }
    if (history != historySignal.peek()) {
      history = historySignal.peek();
      historySignal.markChanged();
    }
    if (Double.compare(weight, weightSignal.peekDouble()) != 0) {
      weight = weightSignal.peekDouble();
      weightSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {value, history, weight};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    value = (T) saved[0];
    history = (List<T>) saved[1];
    weight = (double) saved[2];
  }
}
