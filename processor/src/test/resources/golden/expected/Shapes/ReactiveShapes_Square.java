package test;

import dev.statewire.ActionScope;
import dev.statewire.DoubleComputed;
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
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Shapes.Square}.
 *
 * <p>Its reactive fields {@code name}, {@code side} are signals: other threads, effects
 * and derived values see a change when the action or lock block that made it ends. Its
 * derived value {@link #area()} is cached until something it reads changes. Its effect
 * {@link #log()} starts at construction, runs again after each commit that changes what it
 * read, and stops at {@link #close()}. Its action {@link #rename(java.lang.String)} runs
 * under the lock of the instance's context; its writes are committed when the outermost
 * action or lock block ends, and rolled back if it throws. Its tracked read
 * {@link #name()} makes a derived value or effect that calls it depend on the fields it
 * reads.
 *
 * <p>Create one with any constructor of {@code Shapes.Square}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveShapes_Square extends Shapes.Square implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code name}.
   */
  private final Signal<String> nameSignal;

  /**
   * A plain copy of the committed value of {@code name} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private String nameCommitted;

  /**
   * The committed value of {@code side}.
   */
  private final DoubleSignal sideSignal;

  /**
   * A plain copy of the committed value of {@code side} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private double sideCommitted;

  /**
   * The cached value of {@link #area()}.
   */
  private final DoubleComputed areaComputed;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see
   * {@link Shapes.Square#Square(double)}.
   */
  public ReactiveShapes_Square(double side) {
    this(ReactiveContext.current(), side);
  }

  /**
   * Creates the state in {@code context}; see {@link Shapes.Square#Square(double)}. Its
   * effects run once before the constructor returns.
   */
  public ReactiveShapes_Square(ReactiveContext context, double side) {
    this(context, ReactiveObject.Construction.begin(ReactiveShapes_Square.class, context), side);
  }

  /**
   * Runs {@link Shapes.Square#Square(double)} with {@code context} current, so that the
   * signals, computed values and collections its field initializers and body create belong
   * to it; then sets up this class's signals, computed values and effects.
   */
  private ReactiveShapes_Square(ReactiveContext context, ReactiveObject.Construction construction,
      double side) {
    super(side);
    construction.end();
    this.stateCore = new StateCore(context, "Square", CommitSafety.MAY_FAIL, this::verifyFields,
        this::commitFields, this::restoreFields, this::saveFields, this::restoreSavedFields);
    this.nameSignal = context.signal(this.name).named("Square.name");
    this.nameCommitted = this.name;
    this.sideSignal = context.doubleSignal(this.side).named("Square.side");
    this.sideCommitted = this.side;
    this.areaComputed = context.doubleComputed(this::computeArea).named("Square.area()");
    stateCore.addEffect(context.effect(this::logEffect).named("Square.log()"));
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of
   * {@code Shapes.Square} runs, where a lock block is a plain block (the instance is not
   * shared yet).
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
   * The fields a store persists, in declaration order: {@code name}, {@code side}. Writing
   * one through {@code StateField.write} is an action: inside a lock block it is committed
   * with the block.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("name", "java.lang.String", StateCodecs.STRING, nameSignal,
            value -> stateCore.runAction(() -> this.name = value)),
        StateField.of("side", "double", StateCodecs.DOUBLE, sideSignal,
            value -> stateCore.runAction(() -> this.side = value)));
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
   * Derived value, cached until something it read changes: field {@code side}. Inside an
   * action it is computed afresh, from the fields as written so far.
   */
  @Override
  public double area() {
    if (stateCore == null) {
      // called by the constructor of Square, before this class is set up
      return super.area();
    }
    if (stateCore.readsUncommitted()) {
      return computeArea();
    }
    return areaComputed.getDouble();
  }

  /**
   * Tracked read of field {@code name} and derived value {@link #area()}. Inside a derived
   * value or an effect the caller depends on them; from a thread outside the lock it reads
   * the committed state under the lock.
   */
  @Override
  void log() {
    if (stateCore == null) {
      // called by the constructor of Square, before this class is set up
      super.log();
      return;
    }
    if (!stateCore.isLockHeld()) {
      LockGuard guard = stateCore.enter();
      try {
        super.log();
        return;
      } finally {
        guard.close();
      }
    }
    nameSignal.get();
    super.log();
  }

  /**
   * Action writing {@code name}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void rename(String name) {
    if (stateCore == null) {
      // called by the constructor of Square, before this class is set up
      super.rename(name);
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.rename(name);
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Tracked read of {@code name}. Inside a derived value or an effect the caller depends on
   * it; elsewhere it returns the committed value without locking.
   */
  @Override
  public String name() {
    if (stateCore == null) {
      // called by the constructor of Square, before this class is set up
      return super.name();
    }
    if (stateCore.isLockHeld()) {
      nameSignal.get();
      return super.name();
    }
    return nameSignal.peek();
  }

  /**
   * Evaluates {@link #area()} and makes the caller depend on field {@code side}.
   */
  private double computeArea() {
    sideSignal.getDouble();
    return super.area();
  }

  /**
   * The effect {@link #log()}: runs at construction, then after every commit that changes
   * field {@code name} and derived value {@link #area()}.
   */
  private void logEffect() {
    nameSignal.get();
    super.log();
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (!Objects.equals(name, nameCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Square", "name");
    }
    if (Double.compare(side, sideCommitted) != 0) {
      restoreMutatedFields();
      throw new StateMutationException("Square", "side");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. If a
   * comparison throws, nothing is published and the fields roll back.
   */
  private void commitFields() {
    if (!Objects.equals(name, nameCommitted)) {
      stateCore.publish(nameSignal, name);
      nameCommitted = name;
    }
    if (Double.compare(side, sideCommitted) != 0) {
      stateCore.publish(sideSignal, side);
      sideCommitted = side;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    name = nameSignal.peek();
    nameCommitted = name;
    side = sideSignal.peekDouble();
    sideCommitted = side;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (name != nameSignal.peek()) {
      name = nameSignal.peek();
      nameSignal.markChanged();
    }
    if (Double.compare(side, sideSignal.peekDouble()) != 0) {
      side = sideSignal.peekDouble();
      sideSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {name, side};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    name = (String) saved[0];
    side = (double) saved[1];
  }
}
