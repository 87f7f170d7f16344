package dev.statewire;

import dev.statewire.internal.ContextLock;
import dev.statewire.internal.DefaultExecutors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * One reactive world: one lock, one dependency graph, one effect queue, one error handler and
 * one executor.
 *
 * <p>Every node belongs to exactly one context, chosen when it is created: {@link #current()},
 * unless created through this class's factory methods. Most programs use the {@link #global()}
 * context; separate contexts (one per user session, say) run in parallel without blocking each
 * other, and using a node of one context while inside another fails with {@link
 * ContextMismatchException}.
 *
 * <h2>Threads</h2>
 * Writes, commits and effect runs happen under the context's lock, which is reentrant. Effects
 * run on the writing thread before the outermost write, batch or lock block returns. A read from
 * a thread that does not hold the lock takes no lock when the value is up to date and no writer
 * is active: it validates an optimistic read against the lock's sequence number. Otherwise it
 * waits for the lock, so it always sees a committed value, never a half-written one. Computed
 * values are evaluated under the lock.
 *
 * <h2>Closing</h2>
 * {@link #close()} disposes what an isolated context owns: it cancels its background tasks,
 * closes its resources and effects, and shuts down the executor it created. Afterwards reads
 * still work (the last committed values stay readable), but anything that would change state
 * or start work throws {@link ClosedException}. The {@linkplain #global() global} context is
 * never closed.
 */
public final class ReactiveContext implements AutoCloseable {
  private static final int DEFAULT_MAX_EFFECT_ROUNDS = 100;
  private static final Duration DEFAULT_LOCK_HOLD_THRESHOLD = Duration.ofMillis(100);
  /** How long {@link #close()} waits for cancelled tasks to end. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final AtomicInteger CONTEXT_COUNTER = new AtomicInteger();
  private static final System.Logger LOGGER = System.getLogger("dev.statewire");
  private static final ErrorHandler LOGGING_HANDLER =
      (source, error) -> LOGGER.log(System.Logger.Level.ERROR, source + " failed", error);
  private static final ReactiveContext GLOBAL =
      new ReactiveContext(new Builder().name("global"), true);
  /** The isolated (non-global) context whose lock this thread holds, if any. */
  private static final ThreadLocal<ReactiveContext> HELD = new ThreadLocal<>();
  /** Until an isolated context exists, nothing needs to look at {@link #HELD}. */
  private static volatile boolean isolatedContextsExist;

  final ContextLock lock = new ContextLock();

  // Everything below is guarded by the lock.
  /** Reentrancy depth of the lock; 0 when not held. */
  private int depth;
  /** The computed or effect running on the lock-holding thread, which reads are tracked for. */
  Subscriber activeSub;
  /** Identifies the current tracking run (see {@link Graph#track}). */
  int trackStamp;
  private int trackStampCounter;
  /** The explicit stack of iterative validation (see {@link Graph}). */
  final WalkStack walk = new WalkStack();
  /** How many refreshes are nested on the lock-holding thread's stack. */
  int refreshDepth;
  /** Incremented on every signal change; lets unwatched computeds skip re-validation. */
  int globalVersion;
  Link[] propagationStack = new Link[32];
  private final EffectQueue queue = new EffectQueue();
  /** The signals this lock session wrote, so that writing a value back undoes the change. */
  final WriteJournal journal = new WriteJournal();
  private List<Transactional> participants = new ArrayList<>();
  /** The participants being finished; swapped with {@link #participants} to avoid copying. */
  private List<Transactional> finishing = new ArrayList<>();
  private boolean sessionFailed;
  /** While participants commit or roll back at the end of a session. */
  private boolean committing;
  private long effectCounter;
  private ReactiveContext heldBefore;

  private final String name;
  private final ErrorHandler errorHandler;
  private final int maxEffectRounds;
  private final Duration lockHoldThreshold;
  private volatile Executor executor;
  /** The default executor, once {@link #executor()} created it; guarded by this. */
  private ExecutorService ownedExecutor;
  /** What {@link #close()} disposes; null for the global context, which is never closed. */
  private final ContextOwnership owned;
  /** Set by close(), under the lock, once what the context owned is disposed. */
  private volatile boolean closed;

  private ReactiveContext(Builder builder, boolean global) {
    this.name = builder.name != null
        ? builder.name
        : "context-" + CONTEXT_COUNTER.incrementAndGet();
    this.errorHandler = builder.errorHandler != null ? builder.errorHandler : LOGGING_HANDLER;
    this.maxEffectRounds = builder.maxEffectRounds;
    this.lockHoldThreshold = builder.lockHoldThreshold;
    this.executor = builder.executor;
    this.owned = global ? null : new ContextOwnership();
  }

  /** The default context. */
  public static ReactiveContext global() {
    return GLOBAL;
  }

  /**
   * The context new nodes belong to: the context whose lock this thread holds (inside an
   * effect, batch or lock block of that context), otherwise {@link #global()}.
   */
  public static ReactiveContext current() {
    if (isolatedContextsExist) {
      ReactiveContext held = HELD.get();
      if (held != null) {
        return held;
      }
    }
    return GLOBAL;
  }

  /** A new isolated context with default settings. */
  public static ReactiveContext create() {
    return builder().build();
  }

  /** A builder for an isolated context. */
  public static Builder builder() {
    return new Builder();
  }

  /** The name given at creation ({@code "global"} for the default context). */
  public String name() {
    return name;
  }

  /** Where failures without a caller go (default: {@code System.Logger "dev.statewire"}). */
  public ErrorHandler errorHandler() {
    return errorHandler;
  }

  /**
   * The executor for background work: the one given to the builder, otherwise one created on
   * first use and owned by this context: one named virtual thread per task on Java 21+, or a
   * pool of daemon threads on Java 17, named {@code statewire-<context name>-<n>} either way.
   * After {@link #close()} an executor the context created rejects work.
   */
  public Executor executor() {
    Executor e = executor;
    if (e == null) {
      synchronized (this) {
        e = executor;
        if (e == null) {
          ownedExecutor = DefaultExecutors.create(name);
          e = ownedExecutor;
          executor = e;
        }
      }
    }
    return e;
  }

  /** A signal in this context. */
  public <T> Signal<T> signal(T initial) {
    return new Signal<>(this, initial, null);
  }

  /** A signal in this context; {@code equality} decides "unchanged". */
  public <T> Signal<T> signal(T initial, BiPredicate<? super T, ? super T> equality) {
    Objects.requireNonNull(equality, "equality");
    return new Signal<>(this, initial, equality);
  }

  /** A computed value in this context. */
  public <T> Computed<T> computed(Supplier<? extends T> fn) {
    return new Computed<>(this, fn, null);
  }

  /** A computed value in this context; {@code equality} decides "unchanged". */
  public <T> Computed<T> computed(Supplier<? extends T> fn,
      BiPredicate<? super T, ? super T> equality) {
    Objects.requireNonNull(equality, "equality");
    return new Computed<>(this, fn, equality);
  }

  /** An effect in this context, started now. */
  public Effect effect(Runnable body) {
    Objects.requireNonNull(body, "body");
    return Effect.start(this, cleanup -> body.run());
  }

  /** An effect in this context whose body can register cleanups, started now. */
  public Effect effect(EffectBody body) {
    return Effect.start(this, Objects.requireNonNull(body, "body"));
  }

  /**
   * Runs {@code body} under this context's lock; effects run once, when the outermost batch
   * ends (also when {@code body} throws).
   */
  public void batch(Runnable body) {
    Objects.requireNonNull(body, "body");
    enterUninterruptibly();
    try {
      body.run();
    } finally {
      exit();
    }
  }

  /** As {@link #batch(Runnable)}, returning {@code body}'s result. */
  public <T> T batch(Supplier<T> body) {
    Objects.requireNonNull(body, "body");
    enterUninterruptibly();
    try {
      return body.get();
    } finally {
      exit();
    }
  }

  /** Runs {@code body} without recording its reads as dependencies of the running node. */
  public <T> T untracked(Supplier<T> body) {
    Objects.requireNonNull(body, "body");
    if (!lock.isHeldByCurrentThread()) {
      return body.get();
    }
    Subscriber running = activeSub;
    activeSub = null;
    try {
      return body.get();
    } finally {
      activeSub = running;
    }
  }

  /**
   * Whether the calling thread is running a computed or effect of this context right now, so
   * that the reads it makes become dependencies (false inside {@link #untracked}).
   */
  public boolean isTracking() {
    return lock.isHeldByCurrentThread() && activeSub != null;
  }

  /** Whether the calling thread holds this context's lock. */
  public boolean isHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  /** Takes the lock (reentrant), waiting as long as needed; close the guard to leave. */
  public LockGuard enter() {
    boolean outermost = !lock.isHeldByCurrentThread();
    enterUninterruptibly();
    return new LockGuard(this, outermost);
  }

  /** Takes the lock, or throws {@link InterruptedException} if interrupted while waiting. */
  public LockGuard enterInterruptibly() throws InterruptedException {
    if (lock.isHeldByCurrentThread()) {
      depth++;
      return new LockGuard(this, false);
    }
    checkNoOtherContextHeld(null);
    lock.lockInterruptibly();
    acquired();
    return new LockGuard(this, true);
  }

  /** Takes the lock within {@code timeout}; returns null if it could not. */
  public LockGuard tryEnter(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (lock.isHeldByCurrentThread()) {
      depth++;
      return new LockGuard(this, false);
    }
    checkNoOtherContextHeld(null);
    if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return null;
    }
    acquired();
    return new LockGuard(this, true);
  }

  /**
   * Makes {@code participant} part of the current lock session: it {@linkplain
   * Transactional#begin() begins} now and, when the outermost guard closes, commits (or rolls
   * back), once, before effects run. Joining again in the same session does nothing. The lock
   * must be held.
   */
  public void join(Transactional participant) {
    Objects.requireNonNull(participant, "participant");
    requireLock("join a lock session");
    requireOpen("an action or lock block");
    for (Transactional p : participants) {
      if (p == participant) {
        return;
      }
    }
    participant.begin();
    participants.add(participant);
  }

  /** Registers a cleanup on the effect running on this thread in this context. */
  void onCleanup(Runnable action) {
    if (!lock.isHeldByCurrentThread() || !(activeSub instanceof Effect)) {
      throw new IllegalStateException(
          "Statewire.onCleanup(...) was called outside an effect run; call it from inside the "
              + "body of an effect (or use Effect.of(cleanup -> ...)).");
    }
    ((Effect) activeSub).addCleanup(action);
  }

  /**
   * Disposes what this context owns: cancels its background tasks (waiting up to 5 seconds for
   * them to end), closes its resources and effects (running their cleanups), and shuts down the
   * executor it created (its threads end right after). Idempotent. Afterwards reads still work;
   * writes, actions, lock blocks, new effects and new tasks throw {@link ClosedException}.
   *
   * @throws UnsupportedOperationException on the {@linkplain #global() global} context, which
   *     every library in the JVM shares: it is never closed (its idle threads end by themselves)
   * @throws IllegalStateException inside a batch, effect, computed or lock block of this context
   */
  @Override
  public void close() {
    if (owned == null) {
      throw new UnsupportedOperationException("The global context cannot be closed: every "
          + "library in the JVM shares it. Create an isolated context (ReactiveContext.create()) "
          + "for what you want to close, and close that one.");
    }
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException(this + ".close() was called inside one of its batches, "
          + "effects, computeds or lock blocks; close it after the block ends.");
    }
    Task[] tasks = owned.refuseTasks();
    for (Task task : tasks) {
      task.cancel();
    }
    enterUninterruptibly();
    try {
      if (!closed) {
        owned.closeEffectsAndResources();
        closed = true;
      }
    } finally {
      exit();
    }
    Task.awaitAll(tasks, CLOSE_WAIT);
    ExecutorService pool;
    synchronized (this) {
      pool = ownedExecutor;
      if (executor == null) {
        executor = command -> {
          throw new RejectedExecutionException(this + " is closed");
        };
      }
    }
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** Whether {@link #close()} was called (always false for the global context). */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "ReactiveContext '" + name + "'";
  }

  // ---- lock sessions ------------------------------------------------------------------------

  void enterUninterruptibly() {
    if (lock.isHeldByCurrentThread()) {
      depth++;
      return;
    }
    checkNoOtherContextHeld(null);
    lock.lock();
    acquired();
  }

  private void acquired() {
    depth = 1;
    if (this != GLOBAL) {
      heldBefore = HELD.get();
      HELD.set(this);
    }
  }

  /** Leaves one level; the outermost exit settles the session and releases the lock. */
  void exit() {
    if (depth > 1) {
      depth--;
      return;
    }
    try {
      settle();
    } finally {
      journal.clear();
      depth = 0;
      sessionFailed = false;
      committing = false;
      if (this != GLOBAL) {
        // set, not remove: removing clears the map entry's reference on every session end
        HELD.set(heldBefore);
        heldBefore = null;
      }
      lock.unlock();
    }
  }

  boolean reportsLockHoldTimes() {
    return !lockHoldThreshold.isZero();
  }

  /** Reports a lock block or action that held the lock longer than the threshold. */
  void checkLockHoldTime(long heldNanos) {
    if (heldNanos > lockHoldThreshold.toNanos()) {
      reportError("the lock of " + this,
          new LockHeldTooLongException(this, heldNanos, lockHoldThreshold));
    }
  }

  /**
   * Whether a write now is part of a larger session (a batch, lock block or effect run) and may
   * still be written back. Participants' commits are not: each publishes a field's final value
   * once, at the end of the session.
   */
  boolean insideSession() {
    return depth > 1 && !committing;
  }

  void markSessionFailed() {
    sessionFailed = true;
  }

  /**
   * Ends a session: participants commit or roll back, then effects run in rounds until nothing
   * is queued (their writes and actions can queue more), at most {@code maxEffectRounds}.
   */
  private void settle() {
    RuntimeException failure = null;
    int rounds = 0;
    while (true) {
      if (!participants.isEmpty()) {
        failure = finishParticipants(failure);
      }
      if (queue.isEmpty()) {
        break;
      }
      if (++rounds > maxEffectRounds) {
        throw runaway(failure);
      }
      int n = queue.takeRound();
      Effect[] round = queue.round();
      for (int i = 0; i < n; i++) {
        Effect effect = round[i];
        round[i] = null;
        effect.runIfStale();
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private RuntimeException finishParticipants(RuntimeException failure) {
    boolean rollback = sessionFailed;
    sessionFailed = false;
    List<Transactional> done = participants;
    participants = finishing;
    finishing = done;
    committing = true;
    for (int i = 0; i < done.size(); i++) {
      Transactional p = done.get(i);
      try {
        if (rollback) {
          p.rollback();
        } else {
          p.commit();
        }
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    committing = false;
    done.clear();
    return failure;
  }

  private RunawayEffectsException runaway(RuntimeException earlier) {
    List<String> names = new ArrayList<>();
    for (Effect e : queue.clear()) {
      e.flags &= ~Node.QUEUED;
      names.add(e.describe());
    }
    RunawayEffectsException e = new RunawayEffectsException(maxEffectRounds, names);
    if (earlier != null) {
      e.addSuppressed(earlier);
    }
    return e;
  }

  // ---- services for nodes -------------------------------------------------------------------

  /** Fails with {@link ClosedException} after {@link #close()}. */
  void requireOpen(String operation) {
    if (closed) {
      throw new ClosedException(toString(), operation);
    }
  }

  /** Lock held. Owns {@code effect}, just created and started, until it closes. */
  void adopt(Effect effect) {
    if (owned != null) {
      owned.adopt(effect);
    }
  }

  /** Lock held. {@code effect} is closing. */
  void release(Effect effect) {
    if (owned != null) {
      owned.release(effect);
    }
  }

  /** Lock held. Owns {@code resource}, just created, until it closes. */
  void adopt(Resource<?, ?> resource) {
    if (owned != null) {
      owned.adopt(resource);
    }
  }

  /** Lock held. {@code resource} is closing. */
  void release(Resource<?, ?> resource) {
    if (owned != null) {
      owned.release(resource);
    }
  }

  /** Records a task about to start, so that close() cancels it; false once closing. */
  boolean admit(Task task) {
    return owned == null || owned.admit(task);
  }

  void taskEnded(Task task) {
    if (owned != null) {
      owned.ended(task);
    }
  }

  void enqueue(Effect effect) {
    queue.add(effect);
  }

  long nextEffectId() {
    return effectCounter++;
  }

  int nextTrackStamp() {
    int stamp = ++trackStampCounter;
    if (stamp == 0) {
      stamp = ++trackStampCounter;
    }
    return stamp;
  }

  Link[] growPropagationStack() {
    propagationStack = java.util.Arrays.copyOf(propagationStack, propagationStack.length * 2);
    return propagationStack;
  }

  void reportError(String source, Throwable error) {
    try {
      errorHandler.handle(source, error);
    } catch (RuntimeException handlerFailure) {
      handlerFailure.addSuppressed(error);
      LOGGING_HANDLER.handle("the error handler of " + this, handlerFailure);
    }
  }

  /** Fails if a computed is running (computations must not write). */
  void checkWriteAllowed(Signal<?> signal) {
    if (closed) {
      throw new ClosedException(toString(), "writing " + signal.describe());
    }
    if (activeSub instanceof Computed) {
      throw new IllegalWriteException(signal.describe() + " was written while "
          + activeSub.describe() + " was computing. Computed values must be pure: write from "
          + "an effect, an action or a batch instead.");
    }
  }

  /**
   * Fails if this thread is inside another context's lock: contexts are isolated, and taking
   * two context locks at once could deadlock.
   */
  void checkNoOtherContextHeld(Node node) {
    if (!isolatedContextsExist) {
      return;
    }
    ReactiveContext held = HELD.get();
    if (held == null && this != GLOBAL && GLOBAL.lock.isHeldByCurrentThread()) {
      held = GLOBAL;
    }
    if (held != null && held != this) {
      String what = node != null ? node.describe() + " of " + this : this.toString();
      throw new ContextMismatchException(what + " was used inside " + held + " (in a batch, "
          + "effect, computed or lock block of it). Contexts are isolated: pass values between "
          + "them outside any batch or effect, or create both nodes in the same context.");
    }
  }

  private void requireLock(String action) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("Cannot " + action + " without holding the lock of "
          + this + "; use try (var guard = context.enter()) { ... }");
    }
  }

  /** Settings for a new isolated context. */
  public static final class Builder {
    private String name;
    private ErrorHandler errorHandler;
    private Executor executor;
    private int maxEffectRounds = DEFAULT_MAX_EFFECT_ROUNDS;
    private Duration lockHoldThreshold = DEFAULT_LOCK_HOLD_THRESHOLD;

    private Builder() {}

    /** A name for messages and thread names. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Where effect, cleanup and task failures go. */
    public Builder errorHandler(ErrorHandler errorHandler) {
      this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
      return this;
    }

    /** The executor for background work. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** How many effect rounds one session may take before it fails as a runaway loop. */
    public Builder maxEffectRounds(int rounds) {
      if (rounds < 1) {
        throw new IllegalArgumentException("maxEffectRounds must be at least 1: " + rounds);
      }
      this.maxEffectRounds = rounds;
      return this;
    }

    /**
     * Lock blocks and actions that hold the lock longer than this are reported to the error
     * handler as {@link LockHeldTooLongException} (default 100 ms; zero turns reports off).
     */
    public Builder lockHoldThreshold(Duration threshold) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative()) {
        throw new IllegalArgumentException("lockHoldThreshold must not be negative: " + threshold);
      }
      this.lockHoldThreshold = threshold;
      return this;
    }

    /** The new context. */
    public ReactiveContext build() {
      isolatedContextsExist = true;
      return new ReactiveContext(this, false);
    }
  }
}
