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
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Shapes.Square}.
 *
 * <p>Each reactive field is a signal ({@code name}, {@code side}), each {@code @Derived}
 * method a cached computed value, each {@code @Effect} method an effect started at
 * construction and stopped by {@link #close()}. A method that writes fields is an action:
 * it runs under the lock of the instance's {@link ReactiveContext} and its changes are
 * committed when the outermost action or lock block ends (rolled back if it throws). A
 * method that reads fields is a tracked read: called inside a derived value or an effect,
 * the caller depends on the fields it reads, and calls into other reactive objects are
 * tracked when they run.
 *
 * <p>Create one with any constructor of {@code Shapes.Square}, optionally preceded by the
 * context to place it in (default: {@link ReactiveContext#current()}).
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveShapes_Square extends Shapes.Square implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore $$sw$core;

  /**
   * The committed value of {@code name}.
   */
  private final Signal<String> $$sw$name;

  /**
   * The committed value of {@code side}.
   */
  private final Signal<Double> $$sw$side;

  /**
   * The cached value of {@link #area()}.
   */
  private final Computed<Double> $$sw$area$derived;

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
    super(side);
    this.$$sw$core = new StateCore(context, "Square", this::$$sw$verify, this::$$sw$commit,
        this::$$sw$rollback, this::$$sw$savepoint, this::$$sw$restoreSavepoint);
    this.$$sw$name = context.signal(this.name).named("Square.name");
    this.$$sw$side = context.signal(this.side).named("Square.side");
    this.$$sw$area$derived = context.computed(this::$$sw$area$compute).named("Square.area()");
    $$sw$core.addEffect(context.effect(this::$$sw$log$run).named("Square.log()"));
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
   * Derived value, cached until something it read changes: field {@code side}. Inside an
   * action it is computed afresh, from the fields as written so far.
   */
  @Override
  public double area() {
    if ($$sw$core == null) {
      // called by the constructor of Square, before this class is set up
      return super.area();
    }
    if ($$sw$core.readsUncommitted()) {
      return $$sw$area$compute();
    }
    return $$sw$area$derived.get();
  }

  /**
   * Tracked read of field {@code name} and derived value {@link #area()}. Inside a derived
   * value or an effect the caller depends on them; from a thread outside the lock it reads
   * the committed state under the lock.
   */
  @Override
  void log() {
    if ($$sw$core == null) {
      // called by the constructor of Square, before this class is set up
      super.log();
      return;
    }
    if (!$$sw$core.isLockHeld()) {
      LockGuard guard = $$sw$core.enter();
      try {
        super.log();
        return;
      } finally {
        guard.close();
      }
    }
    $$sw$name.get();
    super.log();
  }

  /**
   * Action writing {@code name}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void rename(String name) {
    if ($$sw$core == null) {
      // called by the constructor of Square, before this class is set up
      super.rename(name);
      return;
    }
    try (LockGuard guard = $$sw$core.beginAction()) {
      try {
        $$sw$core.runUntracked(() -> super.rename(name));
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * Tracked read of {@code name}. Inside a derived value or an effect the caller depends on
   * it; elsewhere it returns the committed value without locking.
   */
  @Override
  public String name() {
    if ($$sw$core == null) {
      // called by the constructor of Square, before this class is set up
      return super.name();
    }
    if ($$sw$core.isLockHeld()) {
      $$sw$name.get();
      return super.name();
    }
    return $$sw$name.peek();
  }

  /**
   * Evaluates {@link #area()} and makes the caller depend on field {@code side}.
   */
  private double $$sw$area$compute() {
    $$sw$side.get();
    return super.area();
  }

  /**
   * The effect {@link #log()}: runs at construction, then after every commit that changes
   * field {@code name} and derived value {@link #area()}.
   */
  private void $$sw$log$run() {
    $$sw$name.get();
    super.log();
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void $$sw$verify() {
    if (!Objects.equals(name, $$sw$name.peek())) {
      $$sw$restoreMutated();
      throw new StateMutationException("Square", "name");
    }
    if (Double.compare(side, $$sw$side.peek()) != 0) {
      $$sw$restoreMutated();
      throw new StateMutationException("Square", "side");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing; runs once
   * when the outermost action or lock block ends. If a comparison throws, nothing is
   * published and the fields roll back.
   */
  private void $$sw$commit() {
    if (!Objects.equals(name, $$sw$name.peek())) {
      $$sw$core.publish($$sw$name, name);
    }
    if (Double.compare(side, $$sw$side.peek()) != 0) {
      $$sw$core.publish($$sw$side, side);
    }
  }

  /**
   * Restores every field to its committed value; runs when the outermost action or lock
   * block throws.
   */
  private void $$sw$rollback() {
    name = $$sw$name.peek();
    side = $$sw$side.peek();
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void $$sw$restoreMutated() {
    if (name != $$sw$name.peek()) {
      name = $$sw$name.peek();
      $$sw$name.markChanged();
    }
    if (Double.compare(side, $$sw$side.peek()) != 0) {
      side = $$sw$side.peek();
      $$sw$side.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] $$sw$savepoint() {
    return new Object[] {name, side};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void $$sw$restoreSavepoint(Object[] saved) {
    name = (String) saved[0];
    side = (double) saved[1];
  }
}
