package dev.statewire;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One thing a {@linkplain ReactiveContext#spy spy} hears from its context: a write, a
 * recomputation, an effect scheduled, run or failed, a commit, a lock taken or released, a
 * background task started or ended, a resource transition. Each kind is a record; its {@code
 * toString()} is one readable line, the text golden traces compare.
 *
 * <p>Values are the objects themselves, not copies: a listener that keeps an event keeps what it
 * refers to.
 */
public sealed interface SpyEvent {

  /**
   * A signal took a new value: {@link Signal#set}, {@link Signal#update}, or {@link
   * Signal#markChanged} (then {@code oldValue} and {@code newValue} are the same object). A
   * state object's fields change by a {@link Committed} instead.
   *
   * @param signal the signal written
   * @param oldValue its value before
   * @param newValue its value now
   */
  record SignalWritten(SourceSignal<?> signal, Object oldValue, Object newValue) implements SpyEvent {
    /**
     * Checks that the signal is given.
     *
     * @param signal the signal written
     * @param oldValue its value before
     * @param newValue its value now
     */
    public SignalWritten {
      Objects.requireNonNull(signal, "signal");
    }

    @Override
    public String toString() {
      return "write " + signal.describe() + ": " + oldValue + " -> " + newValue;
    }
  }

  /**
   * A computed value ran its computation, because the dependencies in {@code causes} changed
   * since its last run (empty for its first run, or when it was invalidated otherwise: a
   * rollback, or no effect watched it any more).
   *
   * @param computed the computed value
   * @param causes the dependencies whose value changed since the last run, in reading order
   * @param firstRun whether it had never computed before
   * @param value the result, or the exception the computation threw
   * @param changed whether the result differs from the cached one (false: the equality cut
   *     propagation off)
   */
  record ComputedRecomputed(
      Computed<?> computed, List<GraphNode> causes, boolean firstRun, Object value,
      boolean changed) implements SpyEvent {
    /**
     * Checks that the computed and the causes are given.
     *
     * @param computed the computed value
     * @param causes the dependencies whose value changed since the last run, in reading order
     * @param firstRun whether it had never computed before
     * @param value the result, or the exception the computation threw
     * @param changed whether the result differs from the cached one
     */
    public ComputedRecomputed {
      Objects.requireNonNull(computed, "computed");
      causes = List.copyOf(Objects.requireNonNull(causes, "causes"));
    }

    @Override
    public String toString() {
      String why = firstRun ? "first run"
          : causes.isEmpty() ? "invalidated"
          : GraphText.names(causes) + " changed";
      return "recompute " + computed.describe() + " = " + value + " (" + why
          + (changed ? "" : "; value unchanged") + ")";
    }
  }

  /**
   * An effect round starts with this effect in it: something it read changed, or may have (a
   * computed it read is then checked first, and the effect runs only if that changed).
   * Reported when the round starts, for each of its effects in the order they run.
   *
   * @param effect the queued effect
   */
  record EffectScheduled(Effect effect) implements SpyEvent {
    /**
     * Checks that the effect is given.
     *
     * @param effect the queued effect
     */
    public EffectScheduled {
      Objects.requireNonNull(effect, "effect");
    }

    @Override
    public String toString() {
      return "schedule " + effect.describe();
    }
  }

  /**
   * An effect's body ran and returned.
   *
   * @param effect the effect
   */
  record EffectRan(Effect effect) implements SpyEvent {
    /**
     * Checks that the effect is given.
     *
     * @param effect the effect
     */
    public EffectRan {
      Objects.requireNonNull(effect, "effect");
    }

    @Override
    public String toString() {
      return "run " + effect.describe();
    }
  }

  /**
   * An effect's body threw; the failure goes to the context's error handler next.
   *
   * @param effect the effect
   * @param failure what its body threw
   */
  record EffectFailed(Effect effect, Throwable failure) implements SpyEvent {
    /**
     * Checks that effect and failure are given.
     *
     * @param effect the effect
     * @param failure what its body threw
     */
    public EffectFailed {
      Objects.requireNonNull(effect, "effect");
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public String toString() {
      return "fail " + effect.describe() + ": " + failure;
    }
  }

  /**
   * The participants of a lock session (the state objects its actions and lock blocks changed)
   * committed, and these field signals were published together, in one step.
   *
   * @param changes each published signal with its participant and values, in commit order
   */
  record Committed(List<Change> changes) implements SpyEvent {
    /**
     * Checks that the changes are given.
     *
     * @param changes each published signal with its participant and values, in commit order
     */
    public Committed {
      changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("commit");
      Transactional last = null;
      for (Change change : changes) {
        if (change.participant() != last) {
          text.append(last == null ? " " : "; ").append(change.participant()).append(": ");
          last = change.participant();
        } else {
          text.append(", ");
        }
        text.append(change.signal().describe()).append(' ')
            .append(change.oldValue()).append(" -> ").append(change.newValue());
      }
      return text.toString();
    }

    /**
     * One signal a commit published.
     *
     * @param participant the state object's part in the session that handed the value over
     * @param signal the field's signal
     * @param oldValue its value before the commit
     * @param newValue the committed value
     */
    public record Change(
        Transactional participant, SourceSignal<?> signal, Object oldValue, Object newValue) {
      /**
       * Checks that participant and signal are given.
       *
       * @param participant the state object's part in the session
       * @param signal the field's signal
       * @param oldValue its value before the commit
       * @param newValue the committed value
       */
      public Change {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(signal, "signal");
      }
    }
  }

  /**
   * A thread took the context's lock (the outermost acquisition; re-entries are not events).
   *
   * @param holder the thread that holds it now
   */
  record LockAcquired(Thread holder) implements SpyEvent {
    /**
     * Checks that the holder is given.
     *
     * @param holder the thread that holds it now
     */
    public LockAcquired {
      Objects.requireNonNull(holder, "holder");
    }

    @Override
    public String toString() {
      return "lock acquired by '" + holder.getName() + "'";
    }
  }

  /**
   * A thread released the context's lock, after its session settled (committed, effects run).
   * Reported right after the release, for every acquisition a spy saw.
   *
   * @param holder the thread that held it
   * @param held how long it held it, from acquisition to release
   */
  record LockReleased(Thread holder, Duration held) implements SpyEvent {
    /**
     * Checks that holder and hold time are given.
     *
     * @param holder the thread that held it
     * @param held how long it held it
     */
    public LockReleased {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(held, "held");
    }

    @Override
    public String toString() {
      return "lock released by '" + holder.getName() + "' after " + held.toNanos() / 1000 + " \u00b5s";
    }
  }

  /**
   * A background task started running on an executor thread (the event's thread).
   *
   * @param task the task
   */
  record TaskStarted(Task task) implements SpyEvent {
    /**
     * Checks that the task is given.
     *
     * @param task the task
     */
    public TaskStarted {
      Objects.requireNonNull(task, "task");
    }

    @Override
    public String toString() {
      return "start task '" + task.name() + "'";
    }
  }

  /**
   * A background task ended: completed, failed or cancelled (perhaps before it started).
   *
   * @param task the task
   * @param status how it ended
   * @param failure what it failed with, or null
   */
  record TaskEnded(Task task, TaskStatus status, Throwable failure) implements SpyEvent {
    /**
     * Checks that task and status are given.
     *
     * @param task the task
     * @param status how it ended
     * @param failure what it failed with, or null
     */
    public TaskEnded {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(status, "status");
    }

    @Override
    public String toString() {
      return "end task '" + task.name() + "': " + status + (failure == null ? "" : " " + failure);
    }
  }

  /**
   * A resource moved from one status to another (also to the same one: a new load while
   * loading).
   *
   * @param resource the resource
   * @param from the status before
   * @param to the status now
   */
  record ResourceTransition(Resource<?, ?> resource, ResourceStatus from, ResourceStatus to)
      implements SpyEvent {
    /**
     * Checks that every component is given.
     *
     * @param resource the resource
     * @param from the status before
     * @param to the status now
     */
    public ResourceTransition {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public String toString() {
      return "resource '" + resource.name() + "': " + from + " -> " + to;
    }
  }
}
