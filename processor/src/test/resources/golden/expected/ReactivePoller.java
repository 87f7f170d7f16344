package test;

import dev.statewire.BackgroundTasks;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Task;
import dev.statewire.TaskPolicy;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.support.StateCore;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Poller}.
 *
 * <p>Each reactive field is a signal ({@code polls}, {@code last}), each {@code @Derived}
 * method a cached computed value, each {@code @Effect} method an effect started at
 * construction and stopped by {@link #close()}. A method that writes fields is an action:
 * it runs under the lock of the instance's {@link ReactiveContext} and its changes are
 * committed when the outermost action or lock block ends (rolled back if it throws). A
 * method that reads fields is a tracked read: called inside a derived value or an effect,
 * the caller depends on the fields it reads, and calls into other reactive objects are
 * tracked when they run.
 *
 * <p>Create one with any constructor of {@code Poller}, optionally preceded by the context
 * to place it in (default: {@link ReactiveContext#current()}).
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactivePoller extends Poller implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore $$sw$core;

  /**
   * The committed value of {@code polls}.
   */
  private final Signal<Integer> $$sw$polls;

  /**
   * The committed value of {@code last}.
   */
  private final Signal<String> $$sw$last;

  /**
   * The background tasks of this instance: started by its {@code @Background} methods,
   * cancelled by {@link #close()}.
   */
  private final BackgroundTasks $$sw$tasks;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see {@link Poller#Poller()}.
   */
  public ReactivePoller() {
    this(ReactiveContext.current());
  }

  /**
   * Creates the state in {@code context}; see {@link Poller#Poller()}. Its effects run once
   * before the constructor returns.
   */
  public ReactivePoller(ReactiveContext context) {
    super();
    this.$$sw$core = new StateCore(context, "Poller", this::$$sw$verify, this::$$sw$commit,
        this::$$sw$rollback, this::$$sw$savepoint, this::$$sw$restoreSavepoint);
    this.$$sw$polls = context.signal(this.polls).named("Poller.polls");
    this.$$sw$last = context.signal(this.last).named("Poller.last");
    this.$$sw$tasks = new BackgroundTasks(context, "Poller");
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
   * Cancels the running background tasks of this instance (interrupting them) and waits up
   * to 5 seconds for them to end, then stops the effects of this instance. Its fields stay
   * readable; actions and lock blocks then throw {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    $$sw$tasks.close(Duration.ofSeconds(5));
    $$sw$core.close();
  }

  /**
   * The background tasks of this instance that have not ended yet, in start order (a
   * snapshot): Reflex's {@code background_tasks}.
   */
  public Set<Task> backgroundTasks() {
    return $$sw$tasks.running();
  }

  /**
   * Tracked read of {@code polls}. Inside a derived value or an effect the caller depends on
   * it; elsewhere it returns the committed value without locking.
   */
  @Override
  public int polls() {
    if ($$sw$core == null) {
      // called by the constructor of Poller, before this class is set up
      return super.polls();
    }
    if ($$sw$core.isLockHeld()) {
      $$sw$polls.get();
      return super.polls();
    }
    return $$sw$polls.peek();
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
    if ($$sw$core == null) {
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
    if ($$sw$core == null) {
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
    if ($$sw$core == null) {
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
    return $$sw$tasks.start("poll", TaskPolicy.SKIP, () -> super.poll(times, interval));
  }

  /**
   * Starts {@link #fetch(java.lang.String)} as a background task and returns its handle:
   * wait for it with {@code await(timeout)}, stop it with {@code cancel()} (an interrupt),
   * read its {@code status()} and {@code failure()}. While an earlier task of this method
   * still runs, it cancels the running task and starts anew (policy SUPERSEDE). Throws
   * {@code ClosedException} after {@link #close()}.
   */
  public Task startFetch(String url) {
    return $$sw$tasks.start("fetch", TaskPolicy.SUPERSEDE, () -> super.fetch(url));
  }

  /**
   * Starts {@link #log(java.lang.Object, java.lang.String[])} as a background task and
   * returns its handle: wait for it with {@code await(timeout)}, stop it with
   * {@code cancel()} (an interrupt), read its {@code status()} and {@code failure()}. While
   * an earlier task of this method still runs, it starts another task beside it (policy
   * PARALLEL). Throws {@code ClosedException} after {@link #close()}.
   */
  protected <T> Task startLog(T first, String... more) {
    return $$sw$tasks.start("log", TaskPolicy.PARALLEL, () -> super.log(first, more));
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void $$sw$verify() {
    if (polls != $$sw$polls.peek()) {
      $$sw$restoreMutated();
      throw new StateMutationException("Poller", "polls");
    }
    if (!Objects.equals(last, $$sw$last.peek())) {
      $$sw$restoreMutated();
      throw new StateMutationException("Poller", "last");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing; runs once
   * when the outermost action or lock block ends. If a comparison throws, nothing is
   * published and the fields roll back.
   */
  private void $$sw$commit() {
    if (polls != $$sw$polls.peek()) {
      $$sw$core.publish($$sw$polls, polls);
    }
    if (!Objects.equals(last, $$sw$last.peek())) {
      $$sw$core.publish($$sw$last, last);
    }
  }

  /**
   * Restores every field to its committed value; runs when the outermost action or lock
   * block throws.
   */
  private void $$sw$rollback() {
    polls = $$sw$polls.peek();
    last = $$sw$last.peek();
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void $$sw$restoreMutated() {
    if (polls != $$sw$polls.peek()) {
      polls = $$sw$polls.peek();
      $$sw$polls.markChanged();
    }
    if (last != $$sw$last.peek()) {
      last = $$sw$last.peek();
      $$sw$last.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] $$sw$savepoint() {
    return new Object[] {polls, last};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void $$sw$restoreSavepoint(Object[] saved) {
    polls = (int) saved[0];
    last = (String) saved[1];
  }
}
