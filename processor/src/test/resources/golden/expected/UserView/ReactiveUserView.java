package test;

import dev.statewire.ActionScope;
import dev.statewire.Computed;
import dev.statewire.LockGuard;
import dev.statewire.LongSignal;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Resource;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.codec.StateCodecs;
import dev.statewire.codec.StateField;
import dev.statewire.support.AsyncDerived;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link UserView}.
 *
 * <p>Its reactive fields {@code userId}, {@code region}, {@code shown} are signals: other
 * threads, effects and derived values see a change when the action or lock block that made
 * it ends. Its derived value {@link #label()} is cached until something it reads changes.
 * Its async derived values {@link #userName()}, {@link #nameLength()} are kept by
 * {@code Resource}s that load on the context's executor and reload when what they read
 * changes. Its effect {@link #show()} starts at construction, runs again after each commit
 * that changes what it read, and stops at {@link #close()}. Its action
 * {@link #select(long)} runs under the lock of the instance's context; its writes are
 * committed when the outermost action or lock block ends, and rolled back if it throws.
 *
 * <p>Create one with any constructor of {@code UserView}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveUserView extends UserView implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code userId}.
   */
  private final LongSignal userIdSignal;

  /**
   * A plain copy of the committed value of {@code userId} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private long userIdCommitted;

  /**
   * The committed value of {@code region}.
   */
  private final Signal<String> regionSignal;

  /**
   * A plain copy of the committed value of {@code region} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private String regionCommitted;

  /**
   * The committed value of {@code shown}.
   */
  private final Signal<String> shownSignal;

  /**
   * A plain copy of the committed value of {@code shown} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private String shownCommitted;

  /**
   * The cached value of {@link #label()}.
   */
  private final Computed<String> labelComputed;

  /**
   * The resource of {@link #userName()} and the stages it hands out.
   */
  private final AsyncDerived<String> userNameAsync;

  /**
   * The resource of {@link #nameLength()} and the stages it hands out.
   */
  private final AsyncDerived<Integer> nameLengthAsync;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see
   * {@link UserView#UserView(test.UserView.Directory)}.
   */
  public ReactiveUserView(UserView.Directory directory) {
    this(ReactiveContext.current(), directory);
  }

  /**
   * Creates the state in {@code context}; see
   * {@link UserView#UserView(test.UserView.Directory)}. Its effects run once before the
   * constructor returns.
   */
  public ReactiveUserView(ReactiveContext context, UserView.Directory directory) {
    this(context, ReactiveObject.Construction.begin(ReactiveUserView.class, context), directory);
  }

  /**
   * Runs {@link UserView#UserView(test.UserView.Directory)} with {@code context} current, so
   * that the signals, computed values and collections its field initializers and body create
   * belong to it; then sets up this class's signals, computed values and effects.
   */
  private ReactiveUserView(ReactiveContext context, ReactiveObject.Construction construction,
      UserView.Directory directory) {
    super(directory);
    construction.end();
    this.stateCore = new StateCore(context, "UserView", CommitSafety.MAY_FAIL, this::verifyFields,
        this::commitFields, this::restoreFields, this::saveFields, this::restoreSavedFields);
    this.userIdSignal = context.longSignal(this.userId).named("UserView.userId");
    this.userIdCommitted = this.userId;
    this.regionSignal = context.signal(this.region).named("UserView.region");
    this.regionCommitted = this.region;
    this.shownSignal = context.signal(this.shown).named("UserView.shown");
    this.shownCommitted = this.shown;
    this.labelComputed = context.computed(this::computeLabel).named("UserView.label()");
    this.userNameAsync = new AsyncDerived<>(context, "UserView.userName()", this::userNameParams,
        this::loadUserName);
    this.nameLengthAsync = new AsyncDerived<>(context, "UserView.nameLength()",
        this::nameLengthParams, this::loadNameLength);
    stateCore.addEffect(context.effect(this::showEffect).named("UserView.show()"));
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of
   * {@code UserView} runs, where a lock block is a plain block (the instance is not shared
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
   * The fields a store persists, in declaration order: {@code userId}, {@code region},
   * {@code shown}. Writing one through {@code StateField.write} is an action: inside a lock
   * block it is committed with the block.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("userId", "long", StateCodecs.LONG, userIdSignal,
            value -> stateCore.runAction(() -> this.userId = value)),
        StateField.of("region", "java.lang.String", StateCodecs.STRING, regionSignal,
            value -> stateCore.runAction(() -> this.region = value)),
        StateField.of("shown", "java.lang.String", StateCodecs.STRING, shownSignal,
            value -> stateCore.runAction(() -> this.shown = value)));
  }

  /**
   * Stops its effects and closes the resources of its async derived values (cancelling
   * running loads and the stages still waiting for them). Only the first call does anything;
   * afterwards the fields stay readable and actions and lock blocks throw
   * {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    if (!stateCore.beginClose()) {
      return;
    }
    stateCore.close();
    userNameAsync.close();
    nameLengthAsync.close();
  }

  /**
   * Async derived value, kept by the resource {@link #userNameResource()}: loaded at
   * construction, and again (cancelling the running load) after every change to fields
   * {@code userId}, {@code region}. Returns a stage of the resource's value: completed at
   * once when the resource holds a value ({@code RESOLVED}, {@code LOCAL}) or an error
   * ({@code ERROR}), otherwise when the newest load settles; cancelled if the instance is
   * closed first. Inside a derived value or an effect the caller depends on the resource's
   * state. Inside an action it calls the method afresh, on the fields as written so far.
   */
  @Override
  public CompletionStage<String> userName() {
    if (stateCore == null) {
      // called by the constructor of UserView, before this class is set up
      return super.userName();
    }
    if (stateCore.readsUncommitted()) {
      return super.userName();
    }
    return userNameAsync.next();
  }

  /**
   * Async derived value, kept by the resource {@link #nameLengthResource()}: loaded at
   * construction, and again (cancelling the running load) after every change to derived
   * value {@link #userName()}. Returns a stage of the resource's value: completed at once
   * when the resource holds a value ({@code RESOLVED}, {@code LOCAL}) or an error
   * ({@code ERROR}), otherwise when the newest load settles; cancelled if the instance is
   * closed first. Inside a derived value or an effect the caller depends on the resource's
   * state. Inside an action it calls the method afresh, on the fields as written so far.
   */
  @Override
  CompletableFuture<Integer> nameLength() {
    if (stateCore == null) {
      // called by the constructor of UserView, before this class is set up
      return super.nameLength();
    }
    if (stateCore.readsUncommitted()) {
      return super.nameLength();
    }
    return nameLengthAsync.next();
  }

  /**
   * Derived value, cached until something it read changes: derived value
   * {@link #userName()}. Inside an action it is computed afresh, from the fields as written
   * so far.
   */
  @Override
  String label() {
    if (stateCore == null) {
      // called by the constructor of UserView, before this class is set up
      return super.label();
    }
    if (stateCore.readsUncommitted()) {
      return computeLabel();
    }
    return labelComputed.get();
  }

  /**
   * Action writing {@code shown}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  void show() {
    if (stateCore == null) {
      // called by the constructor of UserView, before this class is set up
      super.show();
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.show();
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Action writing {@code userId}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void select(long id) {
    if (stateCore == null) {
      // called by the constructor of UserView, before this class is set up
      super.select(id);
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.select(id);
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Evaluates {@link #label()} and makes the caller depend on derived value
   * {@link #userName()}.
   */
  private String computeLabel() {
    return super.label();
  }

  /**
   * The effect {@link #show()}: runs at construction, then after every commit that changes
   * derived value {@link #label()}.
   */
  private void showEffect() {
    try (LockGuard guard = stateCore.beginAction()) {
      try {
        super.show();
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * The resource behind the async derived value {@link #userName()}. Its {@code status()},
   * {@code value()}, {@code error()}, {@code isLoading()} and {@code snapshot()} are tracked
   * reads, so derived values and effects react to them; {@code reload()} loads again with
   * the same fields, {@code set(value)} replaces the value locally (status {@code LOCAL})
   * until the next change. {@link #close()} closes it.
   */
  public Resource<?, String> userNameResource() {
    return userNameAsync.resource();
  }

  /**
   * The resource behind the async derived value {@link #nameLength()}. Its {@code status()},
   * {@code value()}, {@code error()}, {@code isLoading()} and {@code snapshot()} are tracked
   * reads, so derived values and effects react to them; {@code reload()} loads again with
   * the same fields, {@code set(value)} replaces the value locally (status {@code LOCAL})
   * until the next change. {@link #close()} closes it.
   */
  Resource<?, Integer> nameLengthResource() {
    return nameLengthAsync.resource();
  }

  /**
   * The params of the resource of {@link #userName()}: the values of fields {@code userId},
   * {@code region}, read with tracking; when they change, the resource loads again.
   */
  private List<Object> userNameParams() {
    return Arrays.asList(new Object[] {userIdSignal.get(), regionSignal.get()});
  }

  /**
   * The loader of the resource of {@link #userName()}: calls it on the context's executor,
   * under the context's lock, so that it reads a committed state; the stage it returns
   * completes outside the lock.
   */
  private CompletionStage<? extends String> loadUserName() {
    LockGuard guard = stateCore.enter();
    try {
      return super.userName();
    } finally {
      guard.close();
    }
  }

  /**
   * The params of the resource of {@link #nameLength()}: the values of derived value
   * {@link #userName()}, read with tracking; when they change, the resource loads again.
   */
  private List<Object> nameLengthParams() {
    return Arrays.asList(new Object[] {userNameAsync.outcome()});
  }

  /**
   * The loader of the resource of {@link #nameLength()}: calls it on the context's executor,
   * under the context's lock, so that it reads a committed state; the stage it returns
   * completes outside the lock.
   */
  private CompletionStage<? extends Integer> loadNameLength() {
    LockGuard guard = stateCore.enter();
    try {
      return super.nameLength();
    } finally {
      guard.close();
    }
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (userId != userIdCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("UserView", "userId");
    }
    if (!Objects.equals(region, regionCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("UserView", "region");
    }
    if (!Objects.equals(shown, shownCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("UserView", "shown");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. If a
   * comparison throws, nothing is published and the fields roll back.
   */
  private void commitFields() {
    if (userId != userIdCommitted) {
      stateCore.publish(userIdSignal, userId);
      userIdCommitted = userId;
    }
    if (!Objects.equals(region, regionCommitted)) {
      stateCore.publish(regionSignal, region);
      regionCommitted = region;
    }
    if (!Objects.equals(shown, shownCommitted)) {
      stateCore.publish(shownSignal, shown);
      shownCommitted = shown;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    userId = userIdSignal.peekLong();
    userIdCommitted = userId;
    region = regionSignal.peek();
    regionCommitted = region;
    shown = shownSignal.peek();
    shownCommitted = shown;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (userId != userIdSignal.peekLong()) {
      userId = userIdSignal.peekLong();
      userIdSignal.markChanged();
    }
    if (region != regionSignal.peek()) {
      region = regionSignal.peek();
      regionSignal.markChanged();
    }
    if (shown != shownSignal.peek()) {
      shown = shownSignal.peek();
      shownSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {userId, region, shown};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    userId = (long) saved[0];
    region = (String) saved[1];
    shown = (String) saved[2];
  }
}
