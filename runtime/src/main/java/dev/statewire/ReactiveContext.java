package dev.statewire;

import dev.statewire.internal.ContextLock;
import dev.statewire.internal.DefaultExecutors;
import dev.statewire.support.TransactionHook;
import java.lang.ref.WeakReference;
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
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
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
 * run on the writing thread before the outermost write, batch or lock block returns, except
 * those given an executor ({@link Builder#effectExecutor}, {@link #effect(Executor, Runnable)}),
 * which run there, each in a lock session of its own. A read from
 * a thread that does not hold the lock takes no lock when the value is up to date and no writer
 * is active: it validates an optimistic read against the lock's sequence number. Otherwise it
 * waits for the lock, so it always sees a committed value, never a half-written one. Computed
 * values are evaluated under the lock.
 *
 * <h2>Failures</h2>
 * Whatever an effect, a cleanup or a computed an effect checks throws goes to the {@linkplain
 * #errorHandler() error handler}, and every other effect of the session still runs. The one
 * exception is a {@link VirtualMachineError} ({@code OutOfMemoryError}, {@code
 * StackOverflowError}): the JVM may be unable to go on, so it is not swallowed but rethrown to the
 * caller of the outermost write, batch or lock block, once the session's effects ran and the graph
 * is consistent (the session's first one; later ones go to the handler).
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
  /**
   * Which isolated (non-global) context's lock this thread holds, if any: one mutable holder per
   * thread, so that a lock session looks it up once and writes no thread-local.
   */
  private static final ThreadLocal<HeldContext> HELD = ThreadLocal.withInitial(HeldContext::new);
  /** The context {@link #run}/{@link #call} made current on this thread, if any. */
  private static final ThreadLocal<ReactiveContext> CHOSEN = new ThreadLocal<>();
  /** Until an isolated context exists, nothing needs to look at {@link #HELD}, {@link #CHOSEN}. */
  private static volatile boolean isolatedContextsExist;

  final ContextLock lock = new ContextLock();
  /** Names this context in the {@link #HELD} entries of threads, without keeping it alive. */
  private final WeakReference<ReactiveContext> self = new WeakReference<>(this);

  // Everything below is guarded by the lock.
  /** Reentrancy depth of the lock; 0 when not held. */
  private int depth;
  /**
   * The {@link #HELD} entry of the thread that holds the lock (it names this context until the
   * outermost exit), or of the last one that held it; null for the global context. Written only
   * when another thread takes the lock: a store less per session. A thread that finds its own
   * entry here (read without the lock) need not look it up in {@link #HELD}.
   */
  private HeldContext heldBy;
  /** The computed or effect running on the lock-holding thread, which reads are tracked for. */
  Subscriber activeSub;
  /**
   * What new effects and resources belong to on the lock-holding thread: the running
   * {@link Effect}, an {@link EffectScope}'s ownership, or null (the context itself).
   */
  Object owner;
  /** Identifies the current tracking run (see {@link Graph#track}). */
  int trackStamp;
  /** The last stamp handed out; package-private so that tests can bring the wrap-around near. */
  int trackStampCounter;
  /** Set once {@link #trackStampCounter} wrapped around: equal stamps must then be confirmed. */
  boolean trackStampsWrapped;
  /** How many links {@link Graph#track} walked to confirm equal stamps (for tests). */
  long trackingWalkSteps;
  /** The explicit stack of iterative validation (see {@link Graph}). */
  final WalkStack walk = new WalkStack();
  /** How many refreshes are nested on the lock-holding thread's stack. */
  int refreshDepth;
  /** Incremented on every signal change; lets unwatched computeds skip re-validation. */
  int globalVersion;
  WatchedLink[] propagationStack = new WatchedLink[32];
  private final EffectQueue queue = new EffectQueue();
  /** The signals this lock session wrote, so that writing a value back undoes the change. */
  final WriteJournal journal = new WriteJournal();
  /** What the participants' commits hand over, published once all of them committed. */
  private final CommitWrites commitWrites = new CommitWrites();
  /** Computed values evaluated while participants hold uncommitted writes. */
  final ComputedJournal computedJournal = new ComputedJournal();
  private final Participants participants = new Participants();
  private boolean sessionFailed;
  /**
   * The first {@link VirtualMachineError} user code threw in this session where no caller could
   * receive it (an effect, a cleanup); the outermost exit rethrows it once the effects settled.
   */
  private VirtualMachineError fatal;
  /** While participants commit or roll back at the end of a session. */
  private boolean committing;
  /**
   * How the commit going on hands its writes over: {@link #COLLECTING} them in {@link
   * #commitWrites}, or publishing each at once ({@link #IN_PLACE}, {@link #PUBLISHED_IN_PLACE}
   * after the first, which counted the session's change of {@link #globalVersion}).
   */
  private byte commitMode;
  private static final byte COLLECTING = 0;
  private static final byte IN_PLACE = 1;
  private static final byte PUBLISHED_IN_PLACE = 2;
  /** A store's part in this context's transactions; null for most contexts. */
  private final TransactionHook transactionHook;
  /** The hook saw the first participant join and has not yet been told the outcome. */
  private boolean hookOpen;
  /** Inside {@link #commitApart}, whose transaction the hook does not see. */
  private boolean apart;
  private long effectCounter;

  private final String name;
  private final ErrorHandler errorHandler;
  private final int maxEffectRounds;
  /** Holds at least this long are reported ({@link LockWatchdog}); 0: never. */
  final long lockHoldThresholdNanos;
  /**
   * Whether the {@linkplain LockWatchdog#JVM watchdog} watches this context's lock or need not
   * (reports off, closed); an acquisition that sees false asks it to.
   */
  volatile boolean lockWatched;
  private volatile Executor executor;
  /** Where effects created without an executor run; null: in the commit, on the writer. */
  final Executor effectExecutor;
  /** One {@link EffectDispatch} per executor this context's open effects run on; lock held. */
  List<EffectDispatch> effectDispatches;
  /** Dispatches whose drain the outermost exit submits once the lock is released; lock held. */
  EffectDispatch dueDispatches;
  /** The default executor, once {@link #executor()} created it; guarded by this. */
  private ExecutorService ownedExecutor;
  /** What {@link #close()} disposes; null for the global context, which is never closed. */
  private final ContextOwnership owned;
  /** Set by close(), under the lock, once what the context owned is disposed. */
  private volatile boolean closed;
  /**
   * The spy's listeners while at least one is attached, else null: each event hook is a read of
   * this field. Written under the lock ({@link SpyDispatcher#attach}).
   */
  SpyDispatcher spy;

  private ReactiveContext(Builder builder, boolean global) {
    this.name = builder.name != null
        ? builder.name
        : "context-" + CONTEXT_COUNTER.incrementAndGet();
    this.errorHandler = builder.errorHandler != null ? builder.errorHandler : LOGGING_HANDLER;
    this.maxEffectRounds = builder.maxEffectRounds;
    this.lockHoldThresholdNanos = saturatedNanos(builder.lockHoldThreshold);
    this.lockWatched = lockHoldThresholdNanos == 0;
    this.executor = builder.executor;
    this.transactionHook = builder.transactionHook;
    this.effectExecutor = builder.effectExecutor;
    this.owned = global ? null : new ContextOwnership();
  }

  /** {@return the default context} */
  public static ReactiveContext global() {
    return GLOBAL;
  }

  /**
   * {@return the context new nodes belong to: the context whose lock this thread holds (inside an
   * effect, batch or lock block of that context), else the one a {@link #run}/{@link #call} block
   * on this thread chose, otherwise {@link #global()}} While the constructor of a generated
   * {@link ReactiveObject} runs (the field initializers and constructor of the annotated class),
   * it is the instance's context, unless code there makes another one current (a run/call block,
   * a batch, effect or lock block of another context).
   */
  public static ReactiveContext current() {
    if (isolatedContextsExist) {
      ReactiveContext outside = heldOrChosen();
      ReactiveContext constructing = ConstructionFrames.context(outside);
      if (constructing != null) {
        return constructing;
      }
      if (outside != null) {
        return outside;
      }
    }
    return GLOBAL;
  }

  /**
   * {@return the context whose lock this thread holds, else the one a run/call block chose, else
   * null} What {@link #current()} is, but for the construction of a generated instance.
   */
  static ReactiveContext heldOrChosen() {
    if (!isolatedContextsExist) {
      return null;
    }
    ReactiveContext held = HELD.get().held();
    return held != null ? held : CHOSEN.get();
  }

  /**
   * Runs {@code body} with this context as {@link #current()} on this thread, without taking its
   * lock: {@code Signal.of}, {@code Effect.of}, {@code Statewire.batch} and the rest of the
   * static API inside it use this context. Blocks nest; the previous choice is restored after.
   *
   * @param body the block to run
   * @throws ContextMismatchException inside a batch, effect, computed or lock block of another
   *     context (whose lock would stay current)
   */
  public void run(Runnable body) {
    Objects.requireNonNull(body, "body");
    call(() -> {
      body.run();
      return null;
    });
  }

  /**
   * As {@link #run(Runnable)}, returning {@code body}'s result.
   *
   * @param <T> the result type
   * @param body the block to run
   * @return what {@code body} returned
   */
  public <T> T call(Supplier<T> body) {
    Objects.requireNonNull(body, "body");
    checkNoOtherContextHeld(null);
    ReactiveContext before = CHOSEN.get();
    CHOSEN.set(this);
    try {
      return body.get();
    } finally {
      if (before == null) {
        CHOSEN.remove();
      } else {
        CHOSEN.set(before);
      }
    }
  }

  /** {@return a new isolated context with default settings} */
  public static ReactiveContext create() {
    return builder().build();
  }

  /** {@return a builder for an isolated context} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the name given at creation ({@code "global"} for the default context)} */
  public String name() {
    return name;
  }

  /** {@return where failures without a caller go (default: {@code System.Logger "dev.statewire"})} */
  public ErrorHandler errorHandler() {
    return errorHandler;
  }

  /**
   * {@return the executor for background work: the one given to the builder, otherwise one created on
   * first use and owned by this context: one named virtual thread per task on Java 21+, or a
   * pool of daemon threads on Java 17, named {@code statewire-<context name>-<n>} either way}
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

  /**
   * {@return a signal in this context}
   *
   * @param initial the first value
   * @param <T> the value type
   */
  public <T> Signal<T> signal(T initial) {
    return new Signal<>(this, initial, null);
  }

  /**
   * {@return a signal in this context; {@code equality} decides "unchanged"}
   *
   * @param initial the first value
   * @param equality returns true when a new value counts as unchanged
   * @param <T> the value type
   */
  public <T> Signal<T> signal(T initial, BiPredicate<? super T, ? super T> equality) {
    Objects.requireNonNull(equality, "equality");
    return new Signal<>(this, initial, equality);
  }

  /**
   * {@return an {@code int} signal in this context: reads and writes without boxing}
   *
   * @param initial the first value
   */
  public IntSignal intSignal(int initial) {
    return new IntSignal(this, initial);
  }

  /**
   * {@return a {@code long} signal in this context: reads and writes without boxing}
   *
   * @param initial the first value
   */
  public LongSignal longSignal(long initial) {
    return new LongSignal(this, initial);
  }

  /**
   * {@return a {@code double} signal in this context: reads and writes without boxing}
   *
   * @param initial the first value
   */
  public DoubleSignal doubleSignal(double initial) {
    return new DoubleSignal(this, initial);
  }

  /**
   * {@return a {@code boolean} signal in this context: reads and writes without boxing}
   *
   * @param initial the first value
   */
  public BooleanSignal booleanSignal(boolean initial) {
    return new BooleanSignal(this, initial);
  }

  /**
   * {@return a computed value in this context}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   * @param <T> the value type
   */
  public <T> Computed<T> computed(Supplier<? extends T> fn) {
    return new Computed<>(this, fn, null);
  }

  /**
   * {@return a computed value in this context; {@code equality} decides "unchanged"}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   * @param equality returns true when a new value counts as unchanged
   * @param <T> the value type
   */
  public <T> Computed<T> computed(Supplier<? extends T> fn,
      BiPredicate<? super T, ? super T> equality) {
    Objects.requireNonNull(equality, "equality");
    return new Computed<>(this, fn, equality);
  }

  /**
   * {@return a computed {@code int} in this context: computes, compares and reads without boxing}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   */
  public IntComputed intComputed(IntSupplier fn) {
    return new IntComputed(this, fn);
  }

  /**
   * {@return a computed {@code long} in this context: computes, compares and reads without boxing}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   */
  public LongComputed longComputed(LongSupplier fn) {
    return new LongComputed(this, fn);
  }

  /**
   * {@return a computed {@code double} in this context: computes, compares (unchanged: {@link
   * Double#equals}) and reads without boxing}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   */
  public DoubleComputed doubleComputed(DoubleSupplier fn) {
    return new DoubleComputed(this, fn);
  }

  /**
   * {@return a computed {@code boolean} in this context: computes, compares, reads without boxing}
   *
   * @param fn computes the value; what it reads becomes its dependencies
   */
  public BooleanComputed booleanComputed(BooleanSupplier fn) {
    return new BooleanComputed(this, fn);
  }

  /**
   * {@return an effect in this context, started now (on the {@linkplain Builder#effectExecutor
   * effect executor}, if the context has one)}
   *
   * @param body runs now and after each change to what it read
   */
  public Effect effect(Runnable body) {
    return Effect.start(this, effectExecutor, Objects.requireNonNull(body, "body"));
  }

  /**
   * {@return an effect in this context whose body can register cleanups, started now (on the
   * {@linkplain Builder#effectExecutor effect executor}, if the context has one)}
   *
   * @param body runs now and after each change to what it read; registers cleanups on its argument
   */
  public Effect effect(EffectBody body) {
    return Effect.start(this, effectExecutor, Objects.requireNonNull(body, "body"));
  }

  /**
   * {@return an effect in this context that runs on {@code executor}; see {@link
   * Effect#of(Executor, Runnable)}}
   *
   * @param executor runs the effect's runs; {@link Effect#SYNCHRONOUS} runs them in the commit
   * @param body runs on {@code executor} soon, and after each change to what it read
   */
  public Effect effect(Executor executor, Runnable body) {
    Objects.requireNonNull(executor, "executor");
    return Effect.start(this, executor, Objects.requireNonNull(body, "body"));
  }

  /**
   * {@return an effect in this context that runs on {@code executor} and can register cleanups;
   * see {@link Effect#of(Executor, Runnable)}}
   *
   * @param executor runs the effect's runs; {@link Effect#SYNCHRONOUS} runs them in the commit
   * @param body runs on {@code executor}; registers cleanups on its argument
   */
  public Effect effect(Executor executor, EffectBody body) {
    Objects.requireNonNull(executor, "executor");
    return Effect.start(this, executor, Objects.requireNonNull(body, "body"));
  }

  /**
   * Runs {@code body} under this context's lock; effects run once, when the outermost batch
   * ends (also when {@code body} throws).
   *
   * @param body makes the writes
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

  /**
   * As {@link #batch(Runnable)}, returning {@code body}'s result.
   *
   * @param body makes the writes and returns a result
   * @param <T> the result type
   * @return what {@code body} returned
   */
  public <T> T batch(Supplier<T> body) {
    Objects.requireNonNull(body, "body");
    enterUninterruptibly();
    try {
      return body.get();
    } finally {
      exit();
    }
  }

  /**
   * Runs {@code body} without recording its reads as dependencies of the running node.
   *
   * @param body the code whose reads are not dependencies
   * @param <T> the result type
   * @return what {@code body} returned
   */
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
   * {@return whether the calling thread is running a computed or effect of this context right now, so
   * that the reads it makes become dependencies (false inside {@link #untracked})}
   */
  public boolean isTracking() {
    return lock.isHeldByCurrentThread() && activeSub != null;
  }

  /** {@return whether the calling thread holds this context's lock} */
  public boolean isHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  /**
   * Takes the lock (reentrant), waiting as long as needed; close the guard to leave.
   *
   * @return the guard; closing it releases the lock (and commits, for the outermost block)
   */
  public LockGuard enter() {
    boolean outermost = enterUninterruptibly();
    return new LockGuard(this, outermost);
  }

  /**
   * Takes the lock, or throws {@link InterruptedException} if interrupted while waiting.
   *
   * @return the guard; closing it releases the lock (and commits, for the outermost block)
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public LockGuard enterInterruptibly() throws InterruptedException {
    if (lock.isHeldByCurrentThread()) {
      depth++;
      return new LockGuard(this, false);
    }
    HeldContext holder = checkNoOtherContextHeld(null);
    lock.lockInterruptibly();
    acquired(holder);
    return new LockGuard(this, true);
  }

  /**
   * {@link Statewire#lock(Object)}: takes the lock as {@link #enterInterruptibly} does and joins
   * {@code participant} ({@link #joinHeld}); if joining fails, leaves again. Returns whether it
   * took the lock (rather than re-entering it). The caller makes the guard, so that no guard is
   * made here, where the JIT, compiling this alone, could not drop its allocation.
   */
  boolean enterJoined(Transactional participant) throws InterruptedException {
    boolean outermost = !lock.isHeldByCurrentThread();
    if (outermost) {
      HeldContext holder = checkNoOtherContextHeld(null);
      lock.lockInterruptibly();
      acquired(holder);
    } else {
      depth++;
    }
    try {
      joinHeld(participant);
    } catch (Throwable e) {
      exit();
      throw e;
    }
    return outermost;
  }

  /**
   * Takes the lock within {@code timeout}; returns null if it could not.
   *
   * @param timeout how long to wait for the lock
   * @return the guard, or {@code null} if the lock was not free in time
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public LockGuard tryEnter(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (lock.isHeldByCurrentThread()) {
      depth++;
      return new LockGuard(this, false);
    }
    HeldContext holder = checkNoOtherContextHeld(null);
    if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return null;
    }
    acquired(holder);
    return new LockGuard(this, true);
  }

  /**
   * Makes {@code participant} part of the current lock session: it {@linkplain
   * Transactional#begin() begins} now and, when the outermost guard closes, commits (or rolls
   * back), once, before effects run. Joining again in the same session does nothing. The lock
   * must be held.
   *
   * @throws IllegalWriteException if a computed value is being computed on this thread: a
   *     computation must not change state, so it must not start an action or lock block
   * @param participant the state object whose writes this session commits or rolls back
   */
  public void join(Transactional participant) {
    Objects.requireNonNull(participant, "participant");
    requireLock("join a lock session");
    joinHeld(participant);
  }

  /** {@link #join}, the lock known to be held (by the caller, which just took it). */
  void joinHeld(Transactional participant) {
    requireOpen("an action or lock block");
    if (activeSub instanceof Computed) {
      throw new IllegalWriteException("An action or lock block on " + participant
          + " was started while " + activeSub.describe() + " was computing. Computed values "
          + "and @Derived methods must be pure: call the action from an effect, another action "
          + "or a lock block instead.");
    }
    if (participants.contains(participant)) {
      return;
    }
    boolean first = participants.isEmpty();
    if (transactionHook != null && !apart) {
      transactionHook.beforeJoin(this, participant, first);
      hookOpen |= first;
    }
    try {
      participant.begin();
    } catch (Throwable failure) {
      if (first && hookOpen) {
        hookOpen = false;
        transactionHook.abort(this);
      }
      throw failure;
    }
    participants.add(participant);
  }

  /**
   * For stores ({@link TransactionHook}): runs {@code writes} as a transaction of its own,
   * committed as soon as it returns and unseen by the context's hook, so that a store can bring
   * the local state up to date (with another JVM's commit, say) inside a session that has no
   * transaction open. {@code writes} joins the participants it writes ({@link #join}); the
   * effects its commit reaches run when the session ends, as after any commit. If it throws, or
   * a participant's commit fails, what it wrote rolls back and the failure passes through.
   *
   * @param writes joins participants and writes their state
   * @throws IllegalStateException without this context's lock, or while a transaction is open
   *     (a participant joined this session and has not committed yet)
   */
  public void commitApart(Runnable writes) {
    Objects.requireNonNull(writes, "writes");
    requireLock("commit apart");
    if (!participants.isEmpty() || apart) {
      throw new IllegalStateException("commitApart(...) was called while a transaction of "
          + this + " is open; call it before the first participant joins the session (from "
          + "TransactionHook.beforeJoin, or right after context.enter()).");
    }
    boolean failedBefore = sessionFailed;
    sessionFailed = false;
    apart = true;
    Throwable failure = null;
    try {
      writes.run();
    } catch (Throwable e) {
      sessionFailed = true;
      failure = e;
    } finally {
      try {
        failure = finishParticipants(failure);
      } finally {
        apart = false;
        sessionFailed = failedBefore;
      }
    }
    if (failure != null) {
      throw Sneaky.<RuntimeException>rethrow(failure);
    }
  }

  /**
   * Takes the lock and joins {@code participant}: the start of a transactional scope (an
   * action). When the outermost guard closes the session commits; after {@link
   * LockGuard#markFailed()} it rolls back. A nested scope keeps a {@linkplain
   * Transactional#savepoint() savepoint}: if it is marked failed, every participant goes back to
   * what it held when the scope started, and the outer scope goes on.
   *
   * @param participant the state object whose writes this session commits or rolls back
   * @return the guard; closing it ends the transaction (the outermost one commits)
   */
  public LockGuard enterTransaction(Transactional participant) {
    Objects.requireNonNull(participant, "participant");
    LockGuard guard = enter();
    try {
      joinHeld(participant);
      if (!guard.isOutermost()) {
        guard.keep(savepoint());
      }
      return guard;
    } catch (Throwable failure) {
      guard.close();
      throw failure;
    }
  }

  /**
   * {@return whether the calling thread holds the lock in a session that a participant joined, so that
   * state objects may hold writes not committed yet}
   */
  public boolean isInTransaction() {
    // participants first: a thread outside the lock may read them racily (any answer is then
    // corrected by the lock check), and at rest, or in the effects after a commit, they are
    // empty, which saves the owner check on a generated class's derived reads
    return !participants.isEmpty() && lock.isHeldByCurrentThread();
  }

  /**
   * For {@link Transactional#commit()}: hands over the value {@code signal} is to take. It is
   * published, as a change (the signal's equality is not asked), together with the writes of
   * every other participant once all of them committed; if a commit throws, none is published
   * and every participant rolls back.
   *
   * @throws IllegalStateException outside a participant's commit
   * @param signal the field's signal
   * @param value the committed value
   * @param <T> the value type
   */
  public <T> void commitWrite(Signal<T> signal, T value) {
    checkCommitWrite(signal);
    if (commitMode != COLLECTING) {
      publishInPlace(signal, value, 0);
    } else {
      commitWrites.add(signal, value);
    }
  }

  /**
   * {@link #commitWrite(Signal, Object)} for an {@code int} signal, without boxing.
   *
   * @param signal the field's signal
   * @param value the committed value
   */
  public void commitWrite(IntSignal signal, int value) {
    handOverBits(signal, value);
  }

  /**
   * {@link #commitWrite(Signal, Object)} for a {@code long} signal, without boxing.
   *
   * @param signal the field's signal
   * @param value the committed value
   */
  public void commitWrite(LongSignal signal, long value) {
    handOverBits(signal, value);
  }

  /**
   * {@link #commitWrite(Signal, Object)} for a {@code double} signal, without boxing.
   *
   * @param signal the field's signal
   * @param value the committed value
   */
  public void commitWrite(DoubleSignal signal, double value) {
    handOverBits(signal, Double.doubleToLongBits(value));
  }

  /**
   * {@link #commitWrite(Signal, Object)} for a {@code boolean} signal, without boxing.
   *
   * @param signal the field's signal
   * @param value the committed value
   */
  public void commitWrite(BooleanSignal signal, boolean value) {
    handOverBits(signal, value ? 1 : 0);
  }

  /** The primitive overloads of {@link #commitWrite(Signal, Object)}: the value as bits. */
  private void handOverBits(PrimitiveSignal<?> signal, long bits) {
    checkCommitWrite(signal);
    if (commitMode != COLLECTING) {
      publishInPlace(signal, null, bits);
    } else {
      commitWrites.addBits(signal, bits);
    }
  }

  /**
   * Publishes one write of a commit that cannot fail ({@link Transactional#commitCannotFail}) as
   * it is handed over; the first counts the session's change, as {@link CommitWrites#publish}
   * does for the collected writes.
   */
  private void publishInPlace(SourceSignal<?> signal, Object value, long bits) {
    if (commitMode == IN_PLACE) {
      commitMode = PUBLISHED_IN_PLACE;
      globalVersion++;
    }
    signal.publish(value, bits);
  }

  private void checkCommitWrite(SourceSignal<?> signal) {
    Objects.requireNonNull(signal, "signal");
    if (!committing || !lock.isHeldByCurrentThread() || signal.ctx != this) {
      throw new IllegalStateException("commitWrite(" + signal.describe() + ", ...) was called "
          + "outside the commit of a participant of " + this + "; write signals with set(...), "
          + "or call commitWrite from Transactional.commit().");
    }
  }

  /** The savepoint of a nested transactional scope starting now. Lock held. */
  Savepoint savepoint() {
    int n = participants.size();
    Object[] saved = new Object[n];
    for (int i = 0; i < n; i++) {
      saved[i] = participants.get(i).savepoint();
    }
    return new Savepoint(n, saved, computedJournal.size());
  }

  /**
   * A nested transactional scope failed: participants that joined in it roll back and leave,
   * the others go back to their savepoints, and what was computed since is discarded.
   */
  void rollBackTo(Savepoint savepoint) {
    Throwable failure = null;
    for (int i = participants.size() - 1; i >= 0; i--) {
      Transactional p = participants.get(i);
      try {
        if (i >= savepoint.participants()) {
          participants.remove(i);
          p.rollback();
        } else {
          p.restore(savepoint.saved()[i]);
        }
      } catch (Throwable e) {
        failure = addFailure(failure, e);
      }
    }
    computedJournal.rollBackTo(savepoint.evaluations());
    if (failure != null) {
      throw Sneaky.<RuntimeException>rethrow(failure);
    }
  }

  /** Whether a computed evaluation now must be journaled (participants hold writes). */
  boolean journalsEvaluations() {
    return !participants.isEmpty();
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
    LockWatchdog.JVM.forget(this);
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

  /**
   * Attaches a spy: from now on {@code listener} hears every event of this context ({@link
   * SpyEvent}): signal writes, recomputations and why, effects scheduled, run and failed,
   * commits of state objects, lock acquisitions and releases with hold times, background tasks
   * started and ended, resource transitions. Several listeners may be attached; each event
   * reaches them in the order they were attached. With none attached the context pays one field
   * read per hook, no allocation and no clock read.
   *
   * <p>Listeners are called synchronously on the thread of the event. Every event except lock
   * releases and task starts and ends happens under the lock, so those are totally ordered
   * across threads: a write comes before the schedules it causes, a commit before the
   * recomputations and effect runs it causes, and all of a session's events between its lock
   * acquisition and release. A lock release is reported right after the release, a task's
   * start and end on the task's thread (or the cancelling one). What a listener's own calls
   * cause on its thread is not reported. Whatever a listener throws goes to the {@linkplain
   * #errorHandler() error handler} and never breaks the graph; a {@link VirtualMachineError} is
   * rethrown as the effects' are (see "Failures" above).
   *
   * @param listener receives the events
   * @return the registration; closing it detaches the listener
   * @throws ContextMismatchException inside a batch, effect or lock block of another context
   */
  public SpyRegistration spy(SpyListener listener) {
    Objects.requireNonNull(listener, "listener");
    return SpyDispatcher.attach(this, listener);
  }

  /** {@return whether {@link #close()} was called (always false for the global context)} */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "ReactiveContext '" + name + "'";
  }

  // ---- lock sessions ------------------------------------------------------------------------

  /** Takes the lock, or enters it once more; returns whether this took it (the outermost entry). */
  boolean enterUninterruptibly() {
    if (lock.isHeldByCurrentThread()) {
      depth++;
      return false;
    }
    HeldContext holder = checkNoOtherContextHeld(null);
    lock.lock();
    acquired(holder);
    return true;
  }

  /** The lock was just taken; {@code holder} is what checkNoOtherContextHeld returned. */
  private void acquired(HeldContext holder) {
    depth = 1;
    if (!lockWatched) {
      LockWatchdog.JVM.watch(this);
    }
    if (this != GLOBAL) {
      // checkNoOtherContextHeld passed: this thread held no context, so exit clears it again
      holder.hold(this);
      if (heldBy != holder) {
        heldBy = holder;
      }
    }
    if (spy != null) {
      spy.lockAcquired();
    }
  }

  /**
   * Leaves one level; the outermost exit settles the session, releases the lock, and then hands
   * the runs it scheduled for effects on executors to those executors.
   */
  void exit() {
    if (depth > 1) {
      depth--;
      return;
    }
    EffectDispatch due = null;
    try {
      settle();
    } finally {
      journal.clear();
      commitWrites.discard();
      computedJournal.clear();
      depth = 0;
      sessionFailed = false;
      committing = false;
      HeldContext holder = heldBy;
      if (holder != null) {
        holder.release();
      }
      if (dueDispatches != null) {
        due = dueDispatches;
        dueDispatches = null;
      }
      SpyDispatcher s = spy;
      long heldNanos = s == null ? 0 : s.releasing();
      lock.unlockHeld();
      if (due != null) {
        EffectDispatch.submitAll(due);
      }
      if (s != null) {
        s.lockReleased(heldNanos);
      }
    }
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
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
   *
   * <p>A failing effect or cleanup never ends a round early: it is reported and the round goes
   * on, so that every queued effect runs and no participant joined in the round stays pending.
   * A {@link VirtualMachineError} (an OutOfMemoryError, a StackOverflowError) thrown there is
   * not swallowed: once the rounds are over and the graph is consistent, it is rethrown to the
   * caller of the outermost write, batch or lock block (a runaway loop or a commit failure of the
   * same session then goes to the error handler).
   */
  private void settle() {
    Throwable failure = null;
    int rounds = 0;
    while (true) {
      if (!participants.isEmpty()) {
        failure = finishParticipants(failure);
      }
      if (queue.isEmpty()) {
        break;
      }
      if (++rounds > maxEffectRounds) {
        failure = runaway(failure);
        break;
      }
      runRound();
    }
    VirtualMachineError fatalError = fatal;
    if (fatalError != null) {
      fatal = null;
      if (failure != null) {
        reportError("a lock session of " + this, failure);
      }
      throw fatalError;
    }
    if (failure != null) {
      throw Sneaky.<RuntimeException>rethrow(failure);
    }
  }

  private void runRound() {
    Effect sole = spy == null ? queue.takeSole() : null;
    if (sole != null) {
      runQueued(sole);
      return;
    }
    queue.takeRound();
    Effect[] round = queue.round();
    int end = queue.roundEnd();
    if (spy != null) {
      spy.roundStarting(round, queue.roundStart(), end);
    }
    for (int i = queue.roundStart(); i < end; i++) {
      Effect effect = round[i];
      if (effect == null) {
        continue;
      }
      round[i] = null;
      runQueued(effect);
    }
    queue.roundFinished();
  }

  private void runQueued(Effect effect) {
    try {
      effect.runIfStale();
    } catch (Throwable e) {
      // runIfStale reports what user code throws; this is the runtime's own code failing (an
      // OutOfMemoryError can hit it anywhere): the other effects of the round still run
      reportFailure(effect.describe(), e);
    }
  }

  /**
   * Ends the transaction of the participants, all or nothing: each commits, handing over its
   * writes, and only when all did are the writes published, in one step. If the session failed
   * or a commit throws (a field's {@code equals}, say), nothing is published and every
   * participant rolls back, and so does everything computed from their uncommitted writes.
   */
  private Throwable finishParticipants(Throwable failure) {
    boolean rollback = sessionFailed;
    sessionFailed = false;
    int n = participants.beginFinishing();
    committing = true;
    try {
      if (!rollback) {
        Throwable commitFailure = n == 1 && spy == null
            ? commitSole(participants.finishing(0))
            : commitAll(participants, n, spy);
        if (commitFailure == null && hookOpen) {
          commitFailure = commitHook();
        }
        if (commitFailure == null) {
          commitWrites.publish(this);
          computedJournal.clear();
          return failure;
        }
        failure = addFailure(failure, commitFailure);
      }
      return rollBackFinishing(n, failure);
    } finally {
      committing = false;
      commitMode = COLLECTING;
      participants.finished();
    }
  }

  /**
   * The rollback of {@link #finishParticipants}, apart from its common path: nothing handed over
   * is published, the {@code n} finishing participants and what was computed from their writes
   * roll back. Returns {@code failure} with what the rollback threw added.
   */
  private Throwable rollBackFinishing(int n, Throwable failure) {
    if (hookOpen) {
      failure = abortHook(failure);
    }
    commitWrites.discard();
    computedJournal.rollBackTo(0);
    for (int i = 0; i < n; i++) {
      try {
        participants.finishing(i).rollback();
      } catch (Throwable e) {
        failure = addFailure(failure, e);
      }
    }
    return failure;
  }

  /** The hook commits the writes the participants handed over; returns its failure. */
  private Throwable commitHook() {
    hookOpen = false;
    try {
      transactionHook.commit(this, commitWrites);
      return null;
    } catch (Throwable e) {
      return e;
    }
  }

  private Throwable abortHook(Throwable failure) {
    hookOpen = false;
    try {
      transactionHook.abort(this);
      return failure;
    } catch (Throwable e) {
      return addFailure(failure, e);
    }
  }

  /**
   * {@link #commitAll} for the common session, one participant and no spy: a call the JIT can
   * inline into the exit, where the loop, compiled on its own, stays a call. If no store's hook
   * is open and the participant's commit cannot fail, its writes are published as it hands them
   * over: nothing could undo them any more (an Error midway leaves what was published so far
   * published, as an Error midway through {@link CommitWrites#publish} would).
   */
  private Throwable commitSole(Transactional participant) {
    if (!hookOpen && participant.commitCannotFail()) {
      commitMode = IN_PLACE;
    }
    try {
      participant.commit();
      return null;
    } catch (Throwable e) {
      return e;
    }
  }

  /** Lets the {@code n} finishing participants commit, until one fails; returns its failure. */
  private Throwable commitAll(Participants participants, int n, SpyDispatcher s) {
    for (int i = 0; i < n; i++) {
      try {
        participants.finishing(i).commit();
        if (s != null) {
          s.participantCommitted(i, participants.finishing(i), commitWrites.size());
        }
      } catch (Throwable e) {
        return e;
      }
    }
    return null;
  }

  private static Throwable addFailure(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (first != next) {
      first.addSuppressed(next);
    }
    return first;
  }

  private RunawayEffectsException runaway(Throwable earlier) {
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

  int maxEffectRounds() {
    return maxEffectRounds;
  }

  /** Fails with {@link ClosedException} after {@link #close()}. */
  void requireOpen(String operation) {
    if (closed) {
      throw new ClosedException(toString(), operation);
    }
  }

  /**
   * Lock held. What a node created now belongs to: the running effect, the running scope, or
   * this context (null for the global context, which owns nothing).
   */
  private Ownership ownerOfNewNodes() {
    Object o = owner;
    if (o == null) {
      return owned;
    }
    return o instanceof Effect ? ((Effect) o).ownedNodes() : (Ownership) o;
  }

  /** Lock held. Gives {@code effect}, just created and started, to its owner until it closes. */
  void adopt(Effect effect) {
    Ownership o = ownerOfNewNodes();
    if (o != null) {
      o.adopt(effect);
    }
  }

  /** Lock held. Gives {@code resource}, just created, to its owner until it closes. */
  void adopt(Resource<?, ?> resource) {
    Ownership o = ownerOfNewNodes();
    if (o != null) {
      o.adopt(resource);
      resource.owner = o;
    }
  }

  /** Lock held. {@code resource} is closing. */
  void release(Resource<?, ?> resource) {
    Ownership o = resource.owner;
    if (o != null) {
      o.release(resource);
      resource.owner = null;
    }
  }

  /** Lock held. Gives {@code scope}, just created, to its owner until it closes. */
  void adopt(EffectScope scope) {
    Ownership o = ownerOfNewNodes();
    if (o != null) {
      o.adopt(scope);
      scope.owner = o;
    }
  }

  /** Lock held. {@code scope} is closing. */
  void release(EffectScope scope) {
    Ownership o = scope.owner;
    if (o != null) {
      o.release(scope);
      scope.owner = null;
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

  /** Lock held: {@code effect} closed, and the queue lets go of it. */
  void forgetClosed(Effect effect) {
    queue.forget(effect);
  }

  long nextEffectId() {
    return effectCounter++;
  }

  int nextTrackStamp() {
    int stamp = ++trackStampCounter;
    if (stamp == 0) {
      trackStampsWrapped = true;
      stamp = ++trackStampCounter;
    }
    return stamp;
  }

  WatchedLink[] growPropagationStack() {
    propagationStack = java.util.Arrays.copyOf(propagationStack, propagationStack.length * 2);
    return propagationStack;
  }

  /**
   * Reports what user code threw where no caller can receive it (an effect, a cleanup): to the
   * error handler, or, for the session's first {@link VirtualMachineError}, kept to be rethrown
   * by the outermost exit (see {@link #settle}). Lock held.
   */
  void reportFailure(String source, Throwable failure) {
    if (failure instanceof VirtualMachineError && fatal == null) {
      fatal = (VirtualMachineError) failure;
      return;
    }
    reportError(source, failure);
  }

  /**
   * Hands a failure to the error handler. Never throws: the handler runs untracked (its reads
   * depend on nothing), the running-subscriber pointer is restored however it ends, and a
   * handler that throws is logged to {@code System.Logger "dev.statewire"}, never handled again.
   */
  void reportError(String source, Throwable error) {
    boolean locked = lock.isHeldByCurrentThread();
    Subscriber running = locked ? activeSub : null;
    if (locked) {
      activeSub = null;
    }
    try {
      errorHandler.handle(source, error);
    } catch (Throwable handlerFailure) {
      logHandlerFailure(source, error, handlerFailure);
    } finally {
      if (locked) {
        activeSub = running;
      }
    }
  }

  private void logHandlerFailure(String source, Throwable error, Throwable handlerFailure) {
    try {
      LOGGER.log(System.Logger.Level.ERROR, "the error handler of " + this
          + " threw while handling the failure of " + source + " (logged next)", handlerFailure);
      if (handlerFailure != error) {
        LOGGER.log(System.Logger.Level.ERROR, source + " failed", error);
      }
    } catch (Throwable loggerFailure) {
      // the logger failed too: nothing sane is left to report to, and the graph must go on
    }
  }

  /** Fails if a computed is running (computations must not write). */
  void checkWriteAllowed(SourceSignal<?> signal) {
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
   * two context locks at once could deadlock. Returns this thread's {@link #HELD} entry, or null
   * while no isolated context exists (then only the global context can be entered).
   */
  HeldContext checkNoOtherContextHeld(Node node) {
    if (!isolatedContextsExist) {
      return null;
    }
    // heldBy is read without the lock: it may be stale, but an entry of this thread is this
    // thread's entry (one per thread), and only this thread writes its context
    HeldContext holder = heldBy;
    if (holder == null || holder.threadId != Thread.currentThread().getId()) {
      holder = HELD.get();
    }
    ReactiveContext held = holder.holdsOther(this) ? holder.held() : null;
    if (held == null && this != GLOBAL && GLOBAL.lock.isHeldByCurrentThread()) {
      held = GLOBAL;
    }
    if (held != null && held != this) {
      String what = node != null ? node.describe() + " of " + this : this.toString();
      throw new ContextMismatchException(what + " was used inside " + held + " (in a batch, "
          + "effect, computed or lock block of it). Contexts are isolated: pass values between "
          + "them outside any batch or effect, or create both nodes in the same context.");
    }
    return holder;
  }

  private void requireLock(String action) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("Cannot " + action + " without holding the lock of "
          + this + "; use try (var guard = context.enter()) { ... }");
    }
  }

  /**
   * A thread's {@link #HELD} entry: which isolated context's lock the thread holds, if any.
   * Touched only by its thread.
   *
   * <p>It keeps the context it names between two holds, so that a thread that takes the same
   * context's lock again writes a boolean rather than a reference (under G1 a reference store
   * into a long-lived object costs a card check with a fence), and it names it through the
   * context's {@link ReactiveContext#self} weak reference, so that it keeps no closed context
   * alive. It names its thread by id, not by reference: a context keeps its last holder's entry
   * in {@code heldBy}, and a {@code Thread} there would keep a finished thread alive, and with it
   * the thread's context class loader.
   */
  static final class HeldContext {
    /** The {@linkplain Thread#getId() id} of the thread whose entry this is. */
    final long threadId = Thread.currentThread().getId();
    /** Whether the thread holds the lock of the context {@link #last} names. */
    private boolean holding;
    /** The context the thread holds or held last; null before its first. */
    private WeakReference<ReactiveContext> last;

    /** {@return the isolated context whose lock the thread holds, or null} */
    ReactiveContext held() {
      return holding ? last.get() : null;
    }

    /** Whether the thread holds the lock of an isolated context other than {@code context}. */
    boolean holdsOther(ReactiveContext context) {
      return holding && last != context.self;
    }

    /** The thread took the lock of {@code context}. */
    void hold(ReactiveContext context) {
      if (last != context.self) {
        last = context.self;
      }
      holding = true;
    }

    /** The thread released the lock it held. */
    void release() {
      holding = false;
    }
  }

  /** Settings for a new isolated context. */
  public static final class Builder {
    private String name;
    private ErrorHandler errorHandler;
    private Executor executor;
    private Executor effectExecutor;
    private int maxEffectRounds = DEFAULT_MAX_EFFECT_ROUNDS;
    private Duration lockHoldThreshold = DEFAULT_LOCK_HOLD_THRESHOLD;
    private TransactionHook transactionHook;

    private Builder() {}

    /**
     * A name for messages and thread names.
     *
     * @param name the name used in messages and thread names
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Where effect, cleanup and task failures go.
     *
     * @param errorHandler receives effect, cleanup and task failures
     * @return this builder
     */
    public Builder errorHandler(ErrorHandler errorHandler) {
      this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
      return this;
    }

    /**
     * The executor for background work.
     *
     * @param executor runs background tasks and loads; the context does not shut it down
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Where the context's effects run (a UI thread: {@code SwingUtilities::invokeLater}, {@code
     * Platform::runLater}; a test's queue), instead of synchronously in the writer's commit:
     * every effect created without an executor of its own, the effects of {@code @Effect}
     * methods included (the runtime's own watchers, such as a resource's, stay synchronous). See
     * {@link Effect#of(Executor, Runnable)} for when such an effect runs.
     *
     * <p>How it combines with the rest: a commit (of a write, batch, lock block or action) only
     * marks such effects and, after the writer released the lock, hands one task to the
     * executor for all the effects it made stale; so the effects never run under the writer's
     * lock, and the executor is called without it. The task takes the lock for each effect run
     * (waiting for a writer in progress), so a run sees only committed state. Effects closed
     * before their turn (by {@code close()}, their owner's next run, an {@link EffectScope} or
     * the context's {@link ReactiveContext#close()}) do nothing when it comes; the context
     * does not shut this executor down. What a run throws goes to the error handler; so does
     * an executor's rejection of the task: the effects then run again after the next change to
     * what they read (an effect whose first run was rejected goes with the next task). Effects
     * that keep re-triggering each other fail as a {@link RunawayEffectsException}, to the
     * error handler, once more than {@link #maxEffectRounds} tasks in a row were started by
     * the task before (the effects of the last one then wait for the next change from outside).
     *
     * @param effectExecutor runs the context's effects; the context does not shut it down
     * @return this builder
     */
    public Builder effectExecutor(Executor effectExecutor) {
      this.effectExecutor = Objects.requireNonNull(effectExecutor, "effectExecutor");
      return this;
    }

    /**
     * How many effect rounds one session may take before it fails as a runaway loop.
     *
     * @param rounds the maximum number of effect rounds per session
     * @return this builder
     */
    public Builder maxEffectRounds(int rounds) {
      if (rounds < 1) {
        throw new IllegalArgumentException("maxEffectRounds must be at least 1: " + rounds);
      }
      this.maxEffectRounds = rounds;
      return this;
    }

    /**
     * Lock blocks, actions, batches and effect runs that hold the lock longer than this are
     * reported to the error handler as {@link LockHeldTooLongException}, while they still hold
     * it (default 100 ms; zero turns reports off). Holds are sampled, not timed: one shorter than
     * this is never reported, one longer than this plus a sampling period (a quarter of the
     * smallest threshold watched, between 1 and 250 ms) always is. Reports come from the daemon
     * thread {@code statewire-lock-watchdog}, which runs only while a context uses its lock.
     *
     * @param threshold the hold time above which a hold is reported; zero turns reports off
     * @return this builder
     */
    public Builder lockHoldThreshold(Duration threshold) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative()) {
        throw new IllegalArgumentException("lockHoldThreshold must not be negative: " + threshold);
      }
      this.lockHoldThreshold = threshold;
      return this;
    }

    /**
     * A store's part in the context's transactions (an SPI for stores such as {@code
     * statewire-redis}, which set it; applications do not): it is told when a transaction starts
     * and may refuse its commit. See {@link TransactionHook}.
     *
     * @param hook is called under the lock at the start, commit and rollback of each transaction
     * @return this builder
     */
    public Builder transactionHook(TransactionHook hook) {
      this.transactionHook = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** {@return the new context} */
    public ReactiveContext build() {
      isolatedContextsExist = true;
      return new ReactiveContext(this, false);
    }
  }

  /** The reentrancy depth of the lock, for {@link ActionScope}; lock held. */
  int lockDepth() {
    return depth;
  }
}
