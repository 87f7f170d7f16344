package test;

import dev.statewire.ActionScope;
import dev.statewire.BackgroundTasks;
import dev.statewire.IntComputed;
import dev.statewire.IntSignal;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.StateMutationException;
import dev.statewire.TaskPolicy;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.codec.StateCodec;
import dev.statewire.codec.StateCodecs;
import dev.statewire.codec.StateField;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Archive}.
 *
 * <p>Its reactive fields {@code core}, {@code tasks}, {@code state}, {@code sizes},
 * {@code current} are signals: other threads, effects and derived values see a change when
 * the action or lock block that made it ends. Its derived value {@link #total()} is cached
 * until something it reads changes. Its background task {@link #compact()} (PARALLEL) runs
 * on the context's executor; {@link #backgroundTasks()} lists the running ones,
 * {@link #close()} cancels them. Its action
 * {@link #store(test.Archive.Task, java.util.List)} runs under the lock of the instance's
 * context; its writes are committed when the outermost action or lock block ends, and
 * rolled back if it throws.
 *
 * <p>Create one with any constructor of {@code Archive}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveArchive extends Archive implements ReactiveObject {
  /**
   * Encodes {@code Signal} as the name of its constant.
   */
  private static final StateCodec<Archive.Signal> SIGNAL_CODEC = StateCodecs.enumeration(
      Archive.Signal.class);

  /**
   * Encodes {@code Task} as a JSON object of its components {@code label}.
   */
  private static final StateCodec<Archive.Task> TASK_CODEC = StateCodecs.record(
      "test.Archive.Task",
      (value, out) -> out
          .put("label", StateCodecs.STRING, value.label()),
      in -> new Archive.Task(
          in.get("label", StateCodecs.STRING)));

  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code core}.
   */
  private final IntSignal coreSignal;

  /**
   * A plain copy of the committed value of {@code core} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private int coreCommitted;

  /**
   * The committed value of {@code tasks}.
   */
  private final IntSignal tasksSignal;

  /**
   * A plain copy of the committed value of {@code tasks} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private int tasksCommitted;

  /**
   * The committed value of {@code state}.
   */
  private final dev.statewire.Signal<Archive.Signal> stateSignal;

  /**
   * A plain copy of the committed value of {@code state} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private Archive.Signal stateCommitted;

  /**
   * The committed value of {@code sizes}.
   */
  private final dev.statewire.Signal<List<? extends Number>> sizesSignal;

  /**
   * A plain copy of the committed value of {@code sizes} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private List<? extends Number> sizesCommitted;

  /**
   * The committed value of {@code current}.
   */
  private final dev.statewire.Signal<Archive.Task> currentSignal;

  /**
   * A plain copy of the committed value of {@code current} (its signal's): what the start
   * and the commit of a session compare the field with, without reading the signal.
   */
  private Archive.Task currentCommitted;

  /**
   * The background tasks of this instance: started by its {@code @Background} methods,
   * cancelled by {@link #close()}.
   */
  private final BackgroundTasks tasks$2;

  /**
   * The cached value of {@link #total()}.
   */
  private final IntComputed totalComputed;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see {@link Archive#Archive()}.
   */
  public ReactiveArchive() {
    this(ReactiveContext.current());
  }

  /**
   * Creates the state in {@code context}; see {@link Archive#Archive()}.
   */
  public ReactiveArchive(ReactiveContext context) {
    this(context, ReactiveObject.Construction.begin(ReactiveArchive.class, context));
  }

  /**
   * Runs {@link Archive#Archive()} with {@code context} current, so that the signals,
   * computed values and collections its field initializers and body create belong to it;
   * then sets up this class's signals, computed values and effects.
   */
  private ReactiveArchive(ReactiveContext context, ReactiveObject.Construction construction) {
    super();
    construction.end();
    this.stateCore = new StateCore(context, "Archive", CommitSafety.MAY_FAIL, this::verifyFields,
        this::commitFields, this::restoreFields, this::saveFields, this::restoreSavedFields);
    this.coreSignal = context.intSignal(this.core).named("Archive.core");
    this.coreCommitted = this.core;
    this.tasksSignal = context.intSignal(this.tasks).named("Archive.tasks");
    this.tasksCommitted = this.tasks;
    this.stateSignal = context.signal(this.state).named("Archive.state");
    this.stateCommitted = this.state;
    this.sizesSignal = context.<List<? extends Number>>signal(this.sizes).named("Archive.sizes");
    this.sizesCommitted = this.sizes;
    this.currentSignal = context.signal(this.current).named("Archive.current");
    this.currentCommitted = this.current;
    this.tasks$2 = new BackgroundTasks(context, "Archive");
    this.totalComputed = context.intComputed(this::computeTotal).named("Archive.total()");
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of
   * {@code Archive} runs, where a lock block is a plain block (the instance is not shared
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
   * The fields a store persists, in declaration order: {@code core}, {@code tasks},
   * {@code state}, {@code sizes}, {@code current}. Writing one through
   * {@code StateField.write} is an action: inside a lock block it is committed with the
   * block. Field {@code sizes} has no codec: a store must be given one for
   * {@code java.util.List<? extends java.lang.Number>}.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("core", "int", StateCodecs.INT, coreSignal,
            value -> stateCore.runAction(() -> this.core = value)),
        StateField.of("tasks", "int", StateCodecs.INT, tasksSignal,
            value -> stateCore.runAction(() -> this.tasks = value)),
        StateField.of("state", "test.Archive.Signal", SIGNAL_CODEC, stateSignal,
            value -> stateCore.runAction(() -> this.state = value)),
        StateField.withoutCodec("sizes", "java.util.List<? extends java.lang.Number>", sizesSignal,
            value -> stateCore.runAction(() -> this.sizes = value)),
        StateField.of("current", "test.Archive.Task", TASK_CODEC, currentSignal,
            value -> stateCore.runAction(() -> this.current = value)));
  }

  /**
   * Runs {@link Archive#close()} while this instance is still open (its writes are
   * committed, its actions run), then cancels its running background tasks (interrupting
   * them) and waits up to 5 seconds for them to end and stops its effects, even if it threw
   * (its exception then passes through unchanged). Only the first call does anything;
   * afterwards the fields stay readable and actions and lock blocks throw
   * {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    if (!stateCore.beginClose()) {
      return;
    }
    try {
      StateCore.runPassingThrough(() -> stateCore.runAction(() -> super.close()));
    } finally {
      tasks$2.close(Duration.ofSeconds(5));
      stateCore.close();
    }
  }

  /**
   * The background tasks of this instance that have not ended yet, in start order (a
   * snapshot): Reflex's {@code background_tasks}.
   */
  public Set<dev.statewire.Task> backgroundTasks() {
    return tasks$2.running();
  }

  /**
   * Derived value, cached until something it read changes: fields {@code core},
   * {@code tasks}. Inside an action it is computed afresh, from the fields as written so
   * far.
   */
  @Override
  int total() {
    if (stateCore == null) {
      // called by the constructor of Archive, before this class is set up
      return super.total();
    }
    if (stateCore.readsUncommitted()) {
      return computeTotal();
    }
    return totalComputed.getInt();
  }

  /**
   * Action writing {@code core}, {@code sizes}, {@code current}: runs under the context
   * lock, untracked; the changes are committed when the outermost action or lock block ends,
   * and rolled back if it throws.
   */
  @Override
  void store(Archive.Task task, List<? extends Number> sizes) {
    if (stateCore == null) {
      // called by the constructor of Archive, before this class is set up
      super.store(task, sizes);
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.store(task, sizes);
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Background task: starts the body of this method on the context's executor (virtual
   * threads on Java 21+, a daemon thread pool otherwise) and returns at once. While an
   * earlier call still runs, a new call starts another task beside it (policy PARALLEL).
   * {@link #startCompact()} does the same and returns the task's handle;
   * {@link #backgroundTasks()} lists the running tasks; {@link #close()} cancels them.
   */
  @Override
  void compact() {
    if (stateCore == null) {
      // called by the constructor of Archive, before this class is set up
      super.compact();
      return;
    }
    startCompact();
  }

  /**
   * Evaluates {@link #total()} and makes the caller depend on fields {@code core},
   * {@code tasks}.
   */
  private int computeTotal() {
    coreSignal.getInt();
    tasksSignal.getInt();
    return super.total();
  }

  /**
   * Starts {@link #compact()} as a background task and returns its handle: wait for it with
   * {@code await(timeout)}, stop it with {@code cancel()} (an interrupt), read its
   * {@code status()} and {@code failure()}. While an earlier task of this method still runs,
   * it starts another task beside it (policy PARALLEL). Throws {@code ClosedException} after
   * {@link #close()}.
   */
  dev.statewire.Task startCompact() {
    return tasks$2.start("compact", TaskPolicy.PARALLEL, () -> super.compact());
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (core != coreCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("Archive", "core");
    }
    if (tasks != tasksCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("Archive", "tasks");
    }
    if (!Objects.equals(state, stateCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Archive", "state");
    }
    if (!Objects.equals(sizes, sizesCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Archive", "sizes");
    }
    if (!Objects.equals(current, currentCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Archive", "current");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. If a
   * comparison throws, nothing is published and the fields roll back.
   */
  private void commitFields() {
    if (core != coreCommitted) {
      stateCore.publish(coreSignal, core);
      coreCommitted = core;
    }
    if (tasks != tasksCommitted) {
      stateCore.publish(tasksSignal, tasks);
      tasksCommitted = tasks;
    }
    if (!Objects.equals(state, stateCommitted)) {
      stateCore.publish(stateSignal, state);
      stateCommitted = state;
    }
    if (!Objects.equals(sizes, sizesCommitted)) {
      stateCore.publish(sizesSignal, sizes);
      sizesCommitted = sizes;
    }
    if (!Objects.equals(current, currentCommitted)) {
      stateCore.publish(currentSignal, current);
      currentCommitted = current;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    core = coreSignal.peekInt();
    coreCommitted = core;
    tasks = tasksSignal.peekInt();
    tasksCommitted = tasks;
    state = stateSignal.peek();
    stateCommitted = state;
    sizes = sizesSignal.peek();
    sizesCommitted = sizes;
    current = currentSignal.peek();
    currentCommitted = current;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (core != coreSignal.peekInt()) {
      core = coreSignal.peekInt();
      coreSignal.markChanged();
    }
    if (tasks != tasksSignal.peekInt()) {
      tasks = tasksSignal.peekInt();
      tasksSignal.markChanged();
    }
    if (state != stateSignal.peek()) {
      state = stateSignal.peek();
      stateSignal.markChanged();
    }
    if (sizes != sizesSignal.peek()) {
      sizes = sizesSignal.peek();
      sizesSignal.markChanged();
    }
    if (current != currentSignal.peek()) {
      current = currentSignal.peek();
      currentSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {core, tasks, state, sizes, current};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    core = (int) saved[0];
    tasks = (int) saved[1];
    state = (Archive.Signal) saved[2];
    sizes = (List<? extends Number>) saved[3];
    current = (Archive.Task) saved[4];
  }
}
