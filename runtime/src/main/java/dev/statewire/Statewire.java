package dev.statewire;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Static entry points: batches and untracked reads on {@link ReactiveContext#current()}, lock
 * blocks on generated state objects, and a sleep for background tasks.
 */
public final class Statewire {
  private Statewire() {}

  /**
   * Runs {@code body} as one batch: its writes propagate together and effects run once, when
   * the outermost batch ends (also if {@code body} throws).
   *
   * @param body makes the writes
   */
  public static void batch(Runnable body) {
    Objects.requireNonNull(body, "body");
    ReactiveContext.current().batch(body);
  }

  /**
   * As {@link #batch(Runnable)}, returning {@code body}'s result.
   *
   * @param body makes the writes and returns a result
   * @param <T> the result type
   * @return what {@code body} returned
   */
  public static <T> T batch(Supplier<T> body) {
    Objects.requireNonNull(body, "body");
    return ReactiveContext.current().batch(body);
  }

  /**
   * Evaluates {@code body} without making the running computed or effect depend on its reads.
   *
   * @param body the code whose reads are not dependencies
   * @param <T> the result type
   * @return what {@code body} returned
   */
  public static <T> T untracked(Supplier<T> body) {
    Objects.requireNonNull(body, "body");
    return ReactiveContext.current().untracked(body);
  }

  /**
   * Runs {@code body} without making the running computed or effect depend on its reads.
   *
   * @param body the code whose reads are not dependencies
   */
  public static void untracked(Runnable body) {
    Objects.requireNonNull(body, "body");
    ReactiveContext.current().untracked(() -> {
      body.run();
      return null;
    });
  }

  /**
   * Registers {@code action} to run before the next run of the effect that is running now on
   * this thread, and when it is closed.
   *
   * @throws IllegalStateException if no effect is running on this thread
   * @param action runs before the effect's next run and when it is closed
   */
  public static void onCleanup(Runnable action) {
    Objects.requireNonNull(action, "action");
    ReactiveContext.current().onCleanup(action);
  }

  /**
   * Opens a lock block on a generated state object: {@code try (var self =
   * Statewire.lock(this)) { ... }}. Takes the object's context lock (reentrant; waiting can be
   * interrupted); when the outermost block closes, the fields written inside are committed and
   * the effects they reach run. The counterpart of Reflex's {@code async with self}. Called
   * while the object's constructor runs (its {@code reactiveContext()} is still null), the block
   * is a plain block: the object is not shared yet, and its initial values are what the
   * constructor leaves in the fields.
   *
   * @throws CancellationException if the thread is interrupted (its task cancelled) while
   *     waiting for the lock; the thread's interrupt status stays set
   * @throws IllegalArgumentException if {@code state} is not a generated reactive object
   * @param state {@code this} of a {@code @Reactive} class (an instance of its generated subclass)
   * @return the guard; closing it releases the lock, and the outermost block commits
   */
  public static LockGuard lock(Object state) {
    ReactiveObject object = reactiveObject(state, "Statewire.lock(...)");
    ReactiveContext context = object.reactiveContext();
    if (context == null) {
      return LockGuard.unconstructed();
    }
    Transactional participant =
        Objects.requireNonNull(object.reactiveTransaction(), "reactiveTransaction()");
    boolean outermost;
    try {
      outermost = context.enterJoined(participant);
    } catch (InterruptedException e) {
      throw interruptedWaiting(context);
    }
    // made here, at one place, once nothing can fail: small enough to inline into the block, so
    // that the JIT drops the allocation
    return new LockGuard(context, outermost);
  }

  /**
   * As {@link #lock(Object)}, but gives up after {@code timeout}.
   *
   * @throws LockTimeoutException if the lock could not be taken in time
   * @param state {@code this} of a {@code @Reactive} class (an instance of its generated subclass)
   * @param timeout how long to wait for the lock
   * @return the guard; closing it releases the lock, and the outermost block commits
   */
  public static LockGuard lock(Object state, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    ReactiveObject object = reactiveObject(state, "Statewire.lock(...)");
    ReactiveContext context = object.reactiveContext();
    if (context == null) {
      return LockGuard.unconstructed();
    }
    LockGuard guard;
    try {
      guard = context.tryEnter(timeout);
    } catch (InterruptedException e) {
      throw interruptedWaiting(context);
    }
    if (guard == null) {
      throw new LockTimeoutException(context, timeout, context.lock.owner());
    }
    return joined(guard, object);
  }

  /**
   * The lambda form of a lock block, which is also a transaction: runs {@code body} under
   * {@link #lock(Object)}; if any throwable leaves the outermost block, the fields written in it
   * are restored and nothing is published. Nested in another action or lock block, a failed
   * block restores what it wrote (a savepoint) and the outer one goes on if it catches the
   * exception.
   *
   * <p>The try-with-resources form cannot do that: Java gives {@code close()} no way to know
   * that an exception is propagating, so such a block publishes what it wrote when it closes,
   * whichever way it is left. Actions (overridable methods that write) are transactional too.
   *
   * @param state {@code this} of a {@code @Reactive} class (an instance of its generated subclass)
   * @param body the block's code
   */
  public static void lock(Object state, Runnable body) {
    Objects.requireNonNull(body, "body");
    LockGuard guard = lock(state);
    try {
      if (!guard.isOutermost() && guard.context() != null) { // null: inside its constructor
        guard.keep(guard.context().savepoint());
      }
      body.run();
    } catch (Throwable e) {
      guard.markFailed();
      throw e;
    } finally {
      guard.close();
    }
  }

  /**
   * Pauses the calling task without a checked exception. An interruption (the task was
   * cancelled, or its object closed) surfaces as a {@link CancellationException} that ends the
   * task as cancelled; the thread's interrupt status stays set.
   *
   * @param duration how long to pause
   */
  public static void sleep(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    try {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelled("while sleeping");
    }
  }

  /**
   * Describes a state object's part of the graph, for debugging: its fields (signals), derived
   * values (computeds) and effects, each with its value or state, what it reads and what reads
   * it, as readable text. One consistent snapshot, taken under the object's context lock;
   * nothing is computed. For example:
   *
   * <pre>
   * ReactiveCounter in ReactiveContext 'demo'
   *   fields
   *     IntSignal 'Counter.count' = 2
   *       read by: IntComputed 'Counter.doubled()', Effect 'Counter.log()'
   *   derived
   *     IntComputed 'Counter.doubled()' = 4
   *       reads: IntSignal 'Counter.count'
   *       read by: Effect 'Counter.log()'
   *   effects
   *     Effect 'Counter.log()' (active)
   *       reads: IntSignal 'Counter.count', IntComputed 'Counter.doubled()'
   * </pre>
   *
   * <p>Fields and derived values are found by reflection on the generated class (and through
   * {@link ReactiveObject#stateFields()}); in a named module that does not open its package to
   * {@code dev.statewire.runtime}, only fields a store can see and the effects are listed.
   *
   * @param state an instance of a generated {@code @Reactive} class
   * @return the description, several lines
   * @throws IllegalArgumentException if {@code state} is not a generated reactive object
   */
  public static String describe(Object state) {
    return GraphText.describe(reactiveObject(state, "Statewire.describe(...)"));
  }

  private static LockGuard joined(LockGuard guard, ReactiveObject object) {
    try {
      guard.context().joinHeld(
          Objects.requireNonNull(object.reactiveTransaction(), "reactiveTransaction()"));
      return guard;
    } catch (Throwable e) {
      guard.close();
      throw e;
    }
  }

  private static ReactiveObject reactiveObject(Object state, String operation) {
    Objects.requireNonNull(state, "state");
    if (state instanceof ReactiveObject) {
      return (ReactiveObject) state;
    }
    throw notReactive(state, operation);
  }

  private static IllegalArgumentException notReactive(Object state, String operation) {
    return new IllegalArgumentException(operation + " needs a generated reactive object, "
        + "but got a plain " + state.getClass().getName() + ". Create it through the generated "
        + "subclass (new Reactive" + state.getClass().getSimpleName() + "(...)) and make sure "
        + "the Statewire processor is on the compiler's annotation processor path.");
  }

  /** The thread was interrupted while waiting for {@code context}'s lock: keeps it interrupted. */
  private static CancellationException interruptedWaiting(ReactiveContext context) {
    Thread.currentThread().interrupt();
    return cancelled("while waiting for the lock of " + context);
  }

  private static CancellationException cancelled(String when) {
    return new CancellationException("Interrupted " + when + ": the task was cancelled "
        + "(Task.cancel() or close() of its object).");
  }
}
