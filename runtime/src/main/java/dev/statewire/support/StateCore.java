package dev.statewire.support;

import dev.statewire.ActionScope;
import dev.statewire.BooleanSignal;
import dev.statewire.ClosedException;
import dev.statewire.DoubleSignal;
import dev.statewire.Effect;
import dev.statewire.IntSignal;
import dev.statewire.LockGuard;
import dev.statewire.LongSignal;
import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import dev.statewire.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The per-instance machinery of a generated state class: the context it lives in, its part in
 * lock sessions (as a {@link Transactional}) and its effects. The generated class keeps the
 * signals and the field-by-field code; this class keeps everything that is the same for every
 * state class.
 *
 * <p>Between sessions the plain fields of the instance equal the values of their signals. A
 * session on the instance (an action or a lock block) writes the plain fields; when the
 * outermost session ends, {@link #commit()} hands the fields that changed over to the context,
 * which publishes them together with every other participant's, or {@link #rollback()} restores
 * them. A nested action that fails goes back to its {@link #savepoint()}. {@link #begin()}
 * checks that nothing changed a field between sessions.
 */
public final class StateCore implements Transactional {
  private final ReactiveContext context;
  private final String owner;
  private final boolean commitCannotFail;
  private final Runnable verifyFields;
  private final Runnable commitFields;
  private final Runnable restoreFields;
  private final Supplier<Object[]> saveFields;
  private final Consumer<Object[]> restoreSaved;
  /** The scope every outermost action on the instance shares; it enters each action. */
  private final ActionScope outermostAction;
  /** Guarded by this. */
  private final List<Effect> effects = new ArrayList<>();
  /** Written under this; volatile so that sessions can check it without the monitor. */
  private volatile boolean closed;
  /** Guarded by this: {@link #beginClose()} was called. */
  private boolean closing;

  /**
   * Creates the core of one generated instance.
   *
   * @param context the context of the instance
   * @param owner the name of the annotated class, for messages
   * @param commit whether {@code commitFields} can throw
   * @param verifyFields throws {@code StateMutationException} (after restoring the fields) if a
   *     plain field differs from its signal at the start of a session
   * @param commitFields calls {@link #publish} for each plain field that differs from its signal
   * @param restoreFields sets each plain field back to its signal's value
   * @param saveFields the values of the plain fields, in declaration order
   * @param restoreSaved sets the plain fields to values {@code saveFields} returned
   */
  public StateCore(
      ReactiveContext context,
      String owner,
      CommitSafety commit,
      Runnable verifyFields,
      Runnable commitFields,
      Runnable restoreFields,
      Supplier<Object[]> saveFields,
      Consumer<Object[]> restoreSaved) {
    this.context = Objects.requireNonNull(context, "context");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.commitCannotFail = Objects.requireNonNull(commit, "commit") == CommitSafety.CANNOT_FAIL;
    this.verifyFields = Objects.requireNonNull(verifyFields, "verifyFields");
    this.commitFields = Objects.requireNonNull(commitFields, "commitFields");
    this.restoreFields = Objects.requireNonNull(restoreFields, "restoreFields");
    this.saveFields = Objects.requireNonNull(saveFields, "saveFields");
    this.restoreSaved = Objects.requireNonNull(restoreSaved, "restoreSaved");
    this.outermostAction = ActionScope.outermost(context);
  }

  /** {@return the context of the instance} */
  public ReactiveContext context() {
    return context;
  }

  /**
   * {@return whether the current thread holds the context lock: it is inside an action, a lock block, a
   * computation or an effect run, so the plain fields are its consistent view of the state}
   */
  public boolean isLockHeld() {
    return context.isHeldByCurrentThread();
  }

  /**
   * Takes the context lock, to read the plain fields while no writer is active.
   *
   * @return the guard; closing it releases the lock
   */
  public LockGuard enter() {
    return context.enter();
  }

  /**
   * Takes the context lock and joins the instance to the session: the start of an action. A
   * nested action keeps a savepoint, so that its failure undoes only its own writes.
   *
   * @throws dev.statewire.IllegalWriteException inside the computation of a computed value
   * @return the guard; closing it ends the action (the outermost one commits)
   */
  public LockGuard beginAction() {
    return context.enterTransaction(this);
  }

  /**
   * Starts an action, the way an action override of the generated class does: takes the context
   * lock, joins the instance to the session and stops tracking reads (an effect that calls an
   * action must not re-run because the action read a field it then wrote), without an object
   * per call for an outermost action. A nested action keeps a savepoint, so that its failure
   * undoes only its own writes.
   *
   * @throws dev.statewire.IllegalWriteException inside the computation of a computed value
   * @return the scope; {@link ActionScope#exit()} ends the action (the outermost one commits),
   *     {@link ActionScope#fail} ends it after its body threw
   */
  public ActionScope enterAction() {
    return outermostAction.enter(this);
  }

  /**
   * Runs a void action ({@link #enterAction()}): runs {@code body} untracked, under the context
   * lock, with the instance joined to the session; if it throws, its writes are undone (the
   * outermost action rolls the session back; a nested one goes back to its savepoint) and the
   * exception passes through. The outermost action commits. What the generated class runs where
   * an action is a lambda (its {@code close()}, the writers of its {@code stateFields()}); its
   * action overrides call {@link #enterAction()} themselves.
   *
   * @param body the action's plain body
   * @param <X> the checked exception the action declares
   * @throws X what {@code body} threw, once its writes are undone
   */
  public <X extends Throwable> void runAction(VoidActionBody<X> body) throws X {
    Objects.requireNonNull(body, "body");
    ActionScope action = enterAction();
    try {
      body.run();
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Runs {@code body} and lets its exception, checked ones included, pass through unchanged:
   * for a {@code close()} of the annotated class that declares a checked exception, which the
   * generated {@code close()} (of {@code ReactiveObject}, declaring none) calls.
   *
   * @param body the annotated class's {@code close()}
   */
  public static void runPassingThrough(VoidActionBody<?> body) {
    Objects.requireNonNull(body, "body");
    try {
      body.run();
    } catch (Throwable failure) {
      throw StateCore.<RuntimeException>rethrow(failure);
    }
  }

  /** Throws {@code failure} as it is; the declared type only satisfies the compiler. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException rethrow(Throwable failure) throws E {
    throw (E) failure;
  }

  /**
   * {@return whether a derived value of the instance must be computed from the plain fields rather than
   * served from its cache: the current thread holds the lock in a session that a state object
   * joined, so fields may hold writes not committed yet}
   */
  public boolean readsUncommitted() {
    return context.isInTransaction();
  }

  /**
   * For the commit of a field: its signal is to take {@code value}.
   *
   * @param signal the field's signal
   * @param value the committed value
   * @param <T> the field's type
   */
  public <T> void publish(Signal<T> signal, T value) {
    context.commitWrite(signal, value);
  }

  /**
   * {@link #publish(Signal, Object)} for an {@code int} field, without boxing.
   *
   * @param signal the field's signal
   * @param value the committed value
   */
  public void publish(IntSignal signal, int value) {
    context.commitWrite(signal, value);
  }

  /**
   * {@link #publish(Signal, Object)} for a {@code long} field, without boxing.
   *
   * @param signal the field's signal
   * @param value the committed value
   */
  public void publish(LongSignal signal, long value) {
    context.commitWrite(signal, value);
  }

  /**
   * {@link #publish(Signal, Object)} for a {@code double} field, without boxing.
   *
   * @param signal the field's signal
   * @param value the committed value
   */
  public void publish(DoubleSignal signal, double value) {
    context.commitWrite(signal, value);
  }

  /**
   * {@link #publish(Signal, Object)} for a {@code boolean} field, without boxing.
   *
   * @param signal the field's signal
   * @param value the committed value
   */
  public void publish(BooleanSignal signal, boolean value) {
    context.commitWrite(signal, value);
  }

  @Override
  public void begin() {
    if (closed) {
      throw new ClosedException(owner, "changing its state (an action or lock block)");
    }
    verifyFields.run();
  }

  @Override
  public void commit() {
    commitFields.run();
  }

  @Override
  public boolean commitCannotFail() {
    return commitCannotFail;
  }

  @Override
  public void rollback() {
    restoreFields.run();
  }

  @Override
  public Object savepoint() {
    return saveFields.get();
  }

  @Override
  public void restore(Object savepoint) {
    restoreSaved.accept((Object[]) Objects.requireNonNull(savepoint, "savepoint"));
  }

  /**
   * Keeps {@code effect} (already started) to close it with the instance.
   *
   * @param effect the started effect of an {@code @Effect} method
   */
  public void addEffect(Effect effect) {
    Objects.requireNonNull(effect, "effect");
    boolean closeNow;
    synchronized (this) {
      closeNow = closed;
      if (!closeNow) {
        effects.add(effect);
      }
    }
    if (closeNow) {
      effect.close();
    }
  }

  /** {@return the started effects of the instance, in the order they were added (a snapshot)} */
  public synchronized List<Effect> effects() {
    return List.copyOf(effects);
  }

  /**
   * The start of the generated {@code close()}: marks the instance as closing, so that it is
   * closed once. The instance stays open (actions and lock blocks run) until
   * {@link #close()}, so that the annotated class's own {@code close()} can still change state.
   *
   * @return true for the first call only
   */
  public synchronized boolean beginClose() {
    if (closing) {
      return false;
    }
    closing = true;
    return true;
  }

  /** Stops the effects of the instance. Idempotent. */
  public void close() {
    Effect[] stopping;
    synchronized (this) {
      closed = true;
      stopping = effects.toArray(new Effect[0]);
      effects.clear();
    }
    for (Effect effect : stopping) {
      effect.close();
    }
  }

  @Override
  public String toString() {
    return "state of " + owner + " in " + context;
  }
}
