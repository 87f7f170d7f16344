package test;

import dev.statewire.Computed;
import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Resource;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.support.AsyncDerived;
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
 * <p>Each reactive field is a signal ({@code userId}, {@code region}, {@code shown}), each
 * {@code @Derived} method a cached computed value (one returning a {@code CompletionStage}
 * a {@code Resource}, loaded on the context's executor), each {@code @Effect} method an
 * effect started at construction and stopped by {@link #close()}. A method that writes
 * fields is an action: it runs under the lock of the instance's {@link ReactiveContext}
 * and its changes are committed when the outermost action or lock block ends (rolled back
 * if it throws). A method that reads fields is a tracked read: called inside a derived
 * value or an effect, the caller depends on the fields it reads, and calls into other
 * reactive objects are tracked when they run.
 *
 * <p>Create one with any constructor of {@code UserView}, optionally preceded by the
 * context to place it in (default: {@link ReactiveContext#current()}).
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveUserView extends UserView implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore $$sw$core;

  /**
   * The committed value of {@code userId}.
   */
  private final Signal<Long> $$sw$userId;

  /**
   * The committed value of {@code region}.
   */
  private final Signal<String> $$sw$region;

  /**
   * The committed value of {@code shown}.
   */
  private final Signal<String> $$sw$shown;

  /**
   * The cached value of {@link #label()}.
   */
  private final Computed<String> $$sw$label$derived;

  /**
   * The resource of {@link #userName()} and the stages it hands out.
   */
  private final AsyncDerived<String> $$sw$userName$async;

  /**
   * The resource of {@link #nameLength()} and the stages it hands out.
   */
  private final AsyncDerived<Integer> $$sw$nameLength$async;

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
    super(directory);
    this.$$sw$core = new StateCore(context, "UserView", this::$$sw$verify, this::$$sw$commit,
        this::$$sw$rollback, this::$$sw$savepoint, this::$$sw$restoreSavepoint);
    this.$$sw$userId = context.signal(this.userId).named("UserView.userId");
    this.$$sw$region = context.signal(this.region).named("UserView.region");
    this.$$sw$shown = context.signal(this.shown).named("UserView.shown");
    this.$$sw$label$derived = context.computed(this::$$sw$label$compute).named("UserView.label()");
    this.$$sw$userName$async = new AsyncDerived<>(context, "UserView.userName()",
        this::$$sw$userName$params, this::$$sw$userName$load);
    this.$$sw$nameLength$async = new AsyncDerived<>(context, "UserView.nameLength()",
        this::$$sw$nameLength$params, this::$$sw$nameLength$load);
    $$sw$core.addEffect(context.effect(this::$$sw$show$run).named("UserView.show()"));
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
   * Stops the effects of this instance and closes the resources of its async derived values
   * (cancelling running loads and the stages still waiting for them). Its fields stay
   * readable; actions and lock blocks then throw {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    $$sw$core.close();
    $$sw$userName$async.close();
    $$sw$nameLength$async.close();
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
    if ($$sw$core == null) {
      // called by the constructor of UserView, before this class is set up
      return super.userName();
    }
    if ($$sw$core.readsUncommitted()) {
      return super.userName();
    }
    return $$sw$userName$async.next();
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
    if ($$sw$core == null) {
      // called by the constructor of UserView, before this class is set up
      return super.nameLength();
    }
    if ($$sw$core.readsUncommitted()) {
      return super.nameLength();
    }
    return $$sw$nameLength$async.next();
  }

  /**
   * Derived value, cached until something it read changes: derived value
   * {@link #userName()}. Inside an action it is computed afresh, from the fields as written
   * so far.
   */
  @Override
  String label() {
    if ($$sw$core == null) {
      // called by the constructor of UserView, before this class is set up
      return super.label();
    }
    if ($$sw$core.readsUncommitted()) {
      return $$sw$label$compute();
    }
    return $$sw$label$derived.get();
  }

  /**
   * Action writing {@code shown}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  void show() {
    if ($$sw$core == null) {
      // called by the constructor of UserView, before this class is set up
      super.show();
      return;
    }
    try (LockGuard guard = $$sw$core.beginAction()) {
      try {
        $$sw$core.runUntracked(() -> super.show());
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * Action writing {@code userId}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void select(long id) {
    if ($$sw$core == null) {
      // called by the constructor of UserView, before this class is set up
      super.select(id);
      return;
    }
    try (LockGuard guard = $$sw$core.beginAction()) {
      try {
        $$sw$core.runUntracked(() -> super.select(id));
      } catch (Throwable failure) {
        guard.markFailed();
        throw failure;
      }
    }
  }

  /**
   * Evaluates {@link #label()} and makes the caller depend on derived value
   * {@link #userName()}.
   */
  private String $$sw$label$compute() {
    return super.label();
  }

  /**
   * The effect {@link #show()}: runs at construction, then after every commit that changes
   * derived value {@link #label()}.
   */
  private void $$sw$show$run() {
    try (LockGuard guard = $$sw$core.beginAction()) {
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
    return $$sw$userName$async.resource();
  }

  /**
   * The resource behind the async derived value {@link #nameLength()}. Its {@code status()},
   * {@code value()}, {@code error()}, {@code isLoading()} and {@code snapshot()} are tracked
   * reads, so derived values and effects react to them; {@code reload()} loads again with
   * the same fields, {@code set(value)} replaces the value locally (status {@code LOCAL})
   * until the next change. {@link #close()} closes it.
   */
  Resource<?, Integer> nameLengthResource() {
    return $$sw$nameLength$async.resource();
  }

  /**
   * The params of the resource of {@link #userName()}: the values of fields {@code userId},
   * {@code region}, read with tracking; when they change, the resource loads again.
   */
  private List<Object> $$sw$userName$params() {
    return Arrays.asList(new Object[] {$$sw$userId.get(), $$sw$region.get()});
  }

  /**
   * The loader of the resource of {@link #userName()}: calls it on the context's executor,
   * under the context's lock, so that it reads a committed state; the stage it returns
   * completes outside the lock.
   */
  private CompletionStage<? extends String> $$sw$userName$load() {
    LockGuard guard = $$sw$core.enter();
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
  private List<Object> $$sw$nameLength$params() {
    return Arrays.asList(new Object[] {$$sw$userName$async.outcome()});
  }

  /**
   * The loader of the resource of {@link #nameLength()}: calls it on the context's executor,
   * under the context's lock, so that it reads a committed state; the stage it returns
   * completes outside the lock.
   */
  private CompletionStage<? extends Integer> $$sw$nameLength$load() {
    LockGuard guard = $$sw$core.enter();
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
  private void $$sw$verify() {
    if (userId != $$sw$userId.peek()) {
      $$sw$restoreMutated();
      throw new StateMutationException("UserView", "userId");
    }
    if (!Objects.equals(region, $$sw$region.peek())) {
      $$sw$restoreMutated();
      throw new StateMutationException("UserView", "region");
    }
    if (!Objects.equals(shown, $$sw$shown.peek())) {
      $$sw$restoreMutated();
      throw new StateMutationException("UserView", "shown");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing; runs once
   * when the outermost action or lock block ends. If a comparison throws, nothing is
   * published and the fields roll back.
   */
  private void $$sw$commit() {
    if (userId != $$sw$userId.peek()) {
      $$sw$core.publish($$sw$userId, userId);
    }
    if (!Objects.equals(region, $$sw$region.peek())) {
      $$sw$core.publish($$sw$region, region);
    }
    if (!Objects.equals(shown, $$sw$shown.peek())) {
      $$sw$core.publish($$sw$shown, shown);
    }
  }

  /**
   * Restores every field to its committed value; runs when the outermost action or lock
   * block throws.
   */
  private void $$sw$rollback() {
    userId = $$sw$userId.peek();
    region = $$sw$region.peek();
    shown = $$sw$shown.peek();
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void $$sw$restoreMutated() {
    if (userId != $$sw$userId.peek()) {
      userId = $$sw$userId.peek();
      $$sw$userId.markChanged();
    }
    if (region != $$sw$region.peek()) {
      region = $$sw$region.peek();
      $$sw$region.markChanged();
    }
    if (shown != $$sw$shown.peek()) {
      shown = $$sw$shown.peek();
      $$sw$shown.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] $$sw$savepoint() {
    return new Object[] {userId, region, shown};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void $$sw$restoreSavepoint(Object[] saved) {
    userId = (long) saved[0];
    region = (String) saved[1];
    shown = (String) saved[2];
  }
}
