package dev.statewire;

import java.util.Objects;

/**
 * The lock session of one call of a generated action, as {@code dev.statewire.support.StateCore}
 * opens it for generated code (applications use {@link LockGuard}): what {@link
 * ReactiveContext#enterTransaction} and an untracked call do, without an object per call. The
 * generated override is
 *
 * <pre>{@code
 * ActionScope action = stateCore.enterAction();
 * try {
 *   super.add();
 * } catch (Throwable failure) {
 *   action.fail(failure);
 *   throw failure;
 * }
 * action.exit();
 * }</pre>
 *
 * <p>Every outermost action of a state object shares one scope, which holds nothing: an
 * outermost action keeps no savepoint, and nothing tracks its reads (no computed or effect runs
 * on a thread that does not hold the lock). A nested action gets a scope of its own, which keeps
 * its savepoint and the computed or effect whose tracking it suspends. Like a guard, a scope is
 * ended on the thread that entered it, innermost first: otherwise {@link #exit()} and {@link
 * #fail} throw {@link IllegalMonitorStateException} and change nothing.
 */
public final class ActionScope {
  private final ReactiveContext context;
  /** The lock depth inside this scope: 1 for an outermost action. */
  private final int depth;
  /** Where a nested action started; null for an outermost one, and once rolled back. */
  private Savepoint savepoint;
  /** The computed or effect whose tracking the action suspended, resumed at exit; or null. */
  private final Subscriber suspended;

  private ActionScope(ReactiveContext context, int depth, Savepoint savepoint, Subscriber suspended) {
    this.context = context;
    this.depth = depth;
    this.savepoint = savepoint;
    this.suspended = suspended;
  }

  /**
   * {@return the scope every outermost action on a state object of {@code context} shares; its
   * {@link #enter} starts each action on that object}
   *
   * @param context the context of the state object
   */
  public static ActionScope outermost(ReactiveContext context) {
    return new ActionScope(Objects.requireNonNull(context, "context"), 1, null, null);
  }

  /**
   * Starts an action, called on the {@link #outermost} scope of the participant's context:
   * takes the context lock, joins {@code participant} to the session ({@link
   * ReactiveContext#join}) and stops tracking reads until {@link #exit()}. A nested action keeps
   * a savepoint, so that its failure undoes only its own writes.
   *
   * @param participant the state object whose writes the session commits or rolls back
   * @return the scope to end with {@link #exit()}, or {@link #fail} if the action throws: this
   *     one for an outermost action, a new one for a nested action
   * @throws IllegalWriteException inside the computation of a computed value
   */
  public ActionScope enter(Transactional participant) {
    Objects.requireNonNull(participant, "participant");
    ReactiveContext c = context;
    boolean outer = c.enterUninterruptibly();
    try {
      c.joinHeld(participant);
      Subscriber running = c.activeSub;
      if (outer && running == null) {
        return this;
      }
      ActionScope nested = new ActionScope(c, c.lockDepth(), outer ? null : c.savepoint(), running);
      c.activeSub = null;
      return nested;
    } catch (Throwable failure) {
      c.exit();
      throw failure;
    }
  }

  /**
   * The action threw {@code failure}: undoes its writes and ends it. An outermost action rolls
   * the session back (every participant, when the session ends now); a nested one sets every
   * participant back to its savepoint, and the outer action goes on. What ending the session
   * throws is added to {@code failure} as suppressed, as try-with-resources does.
   *
   * @param failure what the action threw, rethrown by the caller
   * @throws IllegalMonitorStateException on another thread, or before a nested scope ended
   */
  public void fail(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    requireCurrent("failed");
    try {
      if (savepoint != null) {
        Savepoint startedAt = savepoint;
        savepoint = null;
        context.rollBackTo(startedAt);
      } else if (depth == 1) {
        context.markSessionFailed();
      }
    } catch (Throwable e) {
      addSuppressed(failure, e);
    }
    try {
      leave();
    } catch (Throwable e) {
      addSuppressed(failure, e);
    }
  }

  /**
   * Ends the action: resumes the tracking it suspended and leaves the lock; the outermost
   * action commits the session, runs the effects its changes reached and releases the lock.
   *
   * @throws IllegalMonitorStateException on another thread, or before a nested scope ended
   */
  public void exit() {
    requireCurrent("ended");
    leave();
  }

  private void leave() {
    context.activeSub = suspended;
    context.exit();
  }

  private void requireCurrent(String what) {
    if (!context.lock.isHeldByCurrentThread() || context.lockDepth() != depth) {
      throw new IllegalMonitorStateException("An action scope of " + context + " was " + what
          + " on thread '" + Thread.currentThread().getName() + "', which is not inside it (its "
          + "thread does not hold the lock, or a scope nested in it is still open). End a scope "
          + "once, innermost first, on the thread that entered it; nothing was committed or "
          + "released.");
    }
  }

  private static void addSuppressed(Throwable failure, Throwable e) {
    if (e != failure) {
      failure.addSuppressed(e);
    }
  }
}
