package test;

import dev.statewire.BackgroundTasks;
import dev.statewire.IntSignal;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Task;
import dev.statewire.TaskPolicy;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.codec.StateCodecs;
import dev.statewire.codec.StateField;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Poller}.
 *
 * <p>Its reactive fields {@code polls}, {@code last} are signals: other threads, effects
 * and derived values see a change when the action or lock block that made it ends. Its
 * background tasks {@link #poll(int, java.time.Duration)} (SKIP),
 * {@link #fetch(java.lang.String)} (SUPERSEDE),
 * {@link #log(java.lang.Object, java.lang.String[])} (PARALLEL) run on the context's
 * executor; {@link #backgroundTasks()} lists the running ones, {@link #close()} cancels
 * them. Its tracked read {@link #polls()} makes a derived value or effect that calls it
 * depend on the fields it reads.
 *
 * <p>Create one with any constructor of {@code Poller}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactivePoller extends Poller implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code polls}.
   */
  private final IntSignal pollsSignal;

  /**
   * A plain copy of the committed value of {@code polls} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private int pollsCommitted;

  /**
   * The committed value of {@code last}.
   */
  private final Signal<String> lastSignal;

  /**
   * A plain copy of the committed value of {@code last} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private String lastCommitted;

  /**
   * The background tasks of this instance: started by its {@code @Background} methods,
   * cancelled by {@link #close()}.
   */
  private final BackgroundTasks tasks;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see {@link Poller#Poller()}.
   */
  public ReactivePoller() {
    this(ReactiveContext.current());
  }

  /**
   * Creates the state in {@code context}; see {@link Poller#Poller()}.
   */
  public ReactivePoller(ReactiveContext context) {
    this(context, ReactiveObject.Construction.begin(ReactivePoller.class, context));
  }

  /**
   * Runs {@link Poller#Poller()} with {@code context} current, so that the signals, computed
   * values and collections its field initializers and body create belong to it; then sets up
   * this class's signals, computed values and effects.
   */
  private ReactivePoller(ReactiveContext context, ReactiveObject.Construction construction) {
    super();
    construction.end();
    this.stateCore = new StateCore(context, "Poller", CommitSafety.MAY_FAIL, this::verifyFields,
        this::commitFields, this::restoreFields, this::saveFields, this::restoreSavedFields);
    this.pollsSignal = context.intSignal(this.polls).named("Poller.polls");
    this.pollsCommitted = this.polls;
    this.lastSignal = context.signal(this.last).named("Poller.last");
    this.lastCommitted = this.last;
    this.tasks = new BackgroundTasks(context, "Poller");
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of {@code Poller}
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
   * The fields a store persists, in declaration order: {@code polls}, {@code last}. Writing
   * one through {@code StateField.write} is an action: inside a lock block it is committed
   * with the block.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("polls", "int", StateCodecs.INT, pollsSignal,
            value -> stateCore.runAction(() -> this.polls = value)),
        StateField.of("last", "java.lang.String", StateCodecs.STRING, lastSignal,
            value -> stateCore.runAction(() -> this.last = value)));
  }

  /**
   * Cancels its running background tasks (interrupting them) and waits up to 5 seconds for
   * them to end and stops its effects. Only the first call does anything; afterwards the
   * fields stay readable and actions and lock blocks throw
   * {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    if (!stateCore.beginClose()) {
      return;
    }
    tasks.close(Duration.ofSeconds(5));
    stateCore.close();
  }

  /**
   * The background tasks of this instance that have not ended yet, in start order (a
   * snapshot): Reflex's {@code background_tasks}.
   */
  public Set<Task> backgroundTasks() {
    return tasks.running();
  }

  /**
   * Tracked read of {@code polls}. Inside a derived value or an effect the caller depends on
   * it; elsewhere it returns the committed value without locking.
   */
  @Override
  public int polls() {
    if (stateCore == null) {
      // called by the constructor of Poller, before this class is set up
      return super.polls();
    }
    if (stateCore.isLockHeld()) {
      pollsSignal.getInt();
      return super.polls();
    }
    return pollsSignal.peekInt();
  }

  /**
   * Background task: starts the body of this method on the context's executor (virtual
   * threads on Java 21+, a daemon thread pool otherwise) and returns at once. While an
   * earlier call still runs, a new call starts nothing (policy SKIP).
   * {@link #startPoll(int, java.time.Duration)} does the same and returns the task's handle;
   * {@link #backgroundTasks()} lists the running tasks; {@link #close()} cancels them.
   */
  @Override
  void poll(int times, Duration interval) {
    if (stateCore == null) {
      // called by the constructor of Poller, before this class is set up
      super.poll(times, interval);
      return;
    }
    startPoll(times, interval);
  }

  /**
   * Background task: starts the body of this method on the context's executor (virtual
   * threads on Java 21+, a daemon thread pool otherwise) and returns at once. While an
   * earlier call still runs, a new call cancels the running task and starts anew (policy
   * SUPERSEDE). {@link #startFetch(java.lang.String)} does the same and returns the task's
   * handle; {@link #backgroundTasks()} lists the running tasks; {@link #close()} cancels
   * them.
   */
  @Override
  public void fetch(String url) throws IOException {
    if (stateCore == null) {
      // called by the constructor of Poller, before this class is set up
      super.fetch(url);
      return;
    }
    startFetch(url);
  }

  /**
   * Background task: starts the body of this method on the context's executor (virtual
   * threads on Java 21+, a daemon thread pool otherwise) and returns at once. While an
   * earlier call still runs, a new call starts another task beside it (policy PARALLEL).
   * {@link #startLog(java.lang.Object, java.lang.String[])} does the same and returns the
   * task's handle; {@link #backgroundTasks()} lists the running tasks; {@link #close()}
   * cancels them.
   */
  @Override
  protected <T> void log(T first, String... more) {
    if (stateCore == null) {
      // called by the constructor of Poller, before this class is set up
      super.log(first, more);
      return;
    }
    startLog(first, more);
  }

  /**
   * Starts {@link #poll(int, java.time.Duration)} as a background task and returns its
   * handle: wait for it with {@code await(timeout)}, stop it with {@code cancel()} (an
   * interrupt), read its {@code status()} and {@code failure()}. While an earlier task of
   * this method still runs, it starts nothing (policy SKIP). Throws {@code ClosedException}
   * after {@link #close()}.
   */
  Task startPoll(int times, Duration interval) {
    return tasks.start("poll", TaskPolicy.SKIP, () -> super.poll(times, interval));
  }

  /**
   * Starts {@link #fetch(java.lang.String)} as a background task and returns its handle:
   * wait for it with {@code await(timeout)}, stop it with {@code cancel()} (an interrupt),
   * read its {@code status()} and {@code failure()}. While an earlier task of this method
   * still runs, it cancels the running task and starts anew (policy SUPERSEDE). Throws
   * {@code ClosedException} after {@link #close()}.
   */
  public Task startFetch(String url) {
    return tasks.start("fetch", TaskPolicy.SUPERSEDE, () -> super.fetch(url));
  }

  /**
   * Starts {@link #log(java.lang.Object, java.lang.String[])} as a background task and
   * returns its handle: wait for it with {@code await(timeout)}, stop it with
   * {@code cancel()} (an interrupt), read its {@code status()} and {@code failure()}. While
   * an earlier task of this method still runs, it starts another task beside it (policy
   * PARALLEL). Throws {@code ClosedException} after {@link #close()}.
   */
  protected <T> Task startLog(T first, String... more) {
    return tasks.start("log", TaskPolicy.PARALLEL, () -> super.log(first, more));
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (polls != pollsCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("Poller", "polls");
    }
    if (!Objects.equals(last, lastCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Poller", "last");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. If a
   * comparison throws, nothing is published and the fields roll back.
   */
  private void commitFields() {
    if (polls != pollsCommitted) {
      stateCore.publish(pollsSignal, polls);
      pollsCommitted = polls;
    }
    if (!Objects.equals(last, lastCommitted)) {
      stateCore.publish(lastSignal, last);
      lastCommitted = last;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    polls = pollsSignal.peekInt();
    pollsCommitted = polls;
    last = lastSignal.peek();
    lastCommitted = last;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (polls != pollsSignal.peekInt()) {
      polls = pollsSignal.peekInt();
      pollsSignal.markChanged();
    }
    if (last != lastSignal.peek()) {
      last = lastSignal.peek();
      lastSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {polls, last};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    polls = (int) saved[0];
    last = (String) saved[1];
  }
}
