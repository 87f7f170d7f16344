package dev.statewire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * The cancellation token a {@link Resource} hands to each run of its loader.
 *
 * <p>A load is cancelled when it is superseded (params change, {@code reload()}), overridden
 * ({@code set}, {@code update}) or its resource is closed. Cancelling fires the token exactly
 * once: {@link #isCancelled()} turns {@code true}, then every {@link #onCancel} action runs once,
 * in registration order, on the cancelling thread. That thread usually holds the context's lock,
 * so keep the actions short (abort a request, close a stream). A loader that ignores its token is
 * still safe: its late result is discarded.
 */
public final class Cancellation {
  private final ReactiveContext context;
  private List<Runnable> actions; // guarded by this; created by the first onCancel
  private volatile boolean cancelled;

  Cancellation(ReactiveContext context) {
    this.context = context;
  }

  /** {@return whether this load has been cancelled} */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws {@link CancellationException} if this load has been cancelled; handy in loops. */
  public void throwIfCancelled() {
    if (cancelled) {
      throw new CancellationException("the resource load was cancelled");
    }
  }

  /**
   * Registers an action to run when this load is cancelled; runs it at once (on this thread) if
   * the load is already cancelled. Actions run untracked; an exception from one goes to the
   * context's error handler.
   *
   * @param action runs once, on the cancelling thread, or at once if already cancelled
   */
  public void onCancel(Runnable action) {
    Objects.requireNonNull(action, "action");
    synchronized (this) {
      if (!cancelled) {
        if (actions == null) {
          actions = new ArrayList<>(2);
        }
        actions.add(action);
        return;
      }
    }
    runReporting(action);
  }

  /** Fires the token: the first call runs the actions, later calls do nothing. */
  void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = actions;
      actions = null;
    }
    if (toRun != null) {
      for (Runnable action : toRun) {
        runReporting(action);
      }
    }
  }

  private void runReporting(Runnable action) {
    try {
      context.untracked(
          () -> {
            action.run();
            return null;
          });
    } catch (RuntimeException | Error e) {
      context.reportError("a resource cancellation action", e);
    }
  }

  @Override
  public String toString() {
    return cancelled ? "Cancellation[cancelled]" : "Cancellation[active]";
  }
}
