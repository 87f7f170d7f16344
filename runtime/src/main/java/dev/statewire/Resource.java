package dev.statewire;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Asynchronously loaded state, read synchronously: a reactive params computation and a loader
 * returning a {@link CompletionStage}.
 *
 * <pre>{@code
 * Resource<Long, User> user = Resource.of(
 *     () -> userId.get(),                                   // params: reactive; null = IDLE
 *     p -> api.fetchUser(p.params(), p.cancellation()));    // returns CompletionStage<User>
 * Effect.of(() -> render(user.status(), user.hasValue() ? user.value() : null));
 * }</pre>
 *
 * <h2>State machine</h2>
 *
 * <table>
 *   <caption>Transitions. A load that is running when another transition happens (anything
 *   but its own completion) is superseded: its {@link Cancellation} fires and its future is
 *   cancelled.</caption>
 *   <tr><th>event</th><th>from</th><th>to</th><th>value</th><th>error</th></tr>
 *   <tr><td>creation, params {@code null}</td><td>-</td><td>IDLE</td><td>null</td><td>null</td></tr>
 *   <tr><td>creation, params non-null</td><td>IDLE</td><td>LOADING</td><td>null</td><td>null</td></tr>
 *   <tr><td>params change to non-null (by {@code equals})</td><td>any</td><td>LOADING</td><td>kept</td><td>null</td></tr>
 *   <tr><td>params change to {@code null}</td><td>any</td><td>IDLE</td><td>kept</td><td>null</td></tr>
 *   <tr><td>params computation throws</td><td>any</td><td>ERROR</td><td>kept, hidden</td><td>the exception</td></tr>
 *   <tr><td>{@link #reload()} with non-null params</td><td>any</td><td>RELOADING</td><td>kept</td><td>null</td></tr>
 *   <tr><td>{@link #reload()} with null params</td><td>any</td><td>unchanged (returns false)</td><td></td><td></td></tr>
 *   <tr><td>current load succeeds</td><td>LOADING, RELOADING</td><td>RESOLVED</td><td>the result</td><td>null</td></tr>
 *   <tr><td>current load fails</td><td>LOADING, RELOADING</td><td>ERROR</td><td>kept, hidden</td><td>the failure</td></tr>
 *   <tr><td>a superseded load completes</td><td>any</td><td>unchanged (ignored)</td><td></td><td></td></tr>
 *   <tr><td>{@link #set} / {@link #update}</td><td>any</td><td>LOCAL</td><td>the new value</td><td>null</td></tr>
 *   <tr><td>{@link #close()} while loading</td><td>LOADING, RELOADING</td><td>IDLE</td><td>kept</td><td>null</td></tr>
 *   <tr><td>{@link #close()} otherwise</td><td>any</td><td>unchanged</td><td></td><td></td></tr>
 * </table>
 *
 * <p>{@link #previousStatus()} is the status before the last transition. Equal params (by
 * {@code equals}) never start a load. Every transition is one committed write, so {@link
 * #snapshot()} and readers on other threads never see a half-done transition.
 *
 * <h2>Threads</h2>
 *
 * The loader is called on the context's {@linkplain ReactiveContext#executor() executor},
 * untracked. Its result may arrive on any thread; it is committed under the context's lock, and
 * only if its load is still the current one: a superseded load (even one that ignores its
 * cancellation) never overwrites newer state. Effects that react to the commit run on the
 * completing thread, as for any write (or on the executor, if the completing thread is inside
 * another context's lock).
 *
 * <p>Every getter is a tracked read: computeds and effects depend on exactly what they read
 * ({@link #status()}, {@link #value()}, {@link #error()}, ...), and {@link #snapshot()} depends on
 * all of it. Close a resource you no longer need: it stops watching its params and cancels the
 * running load.
 *
 * @param <P> the params type
 * @param <T> the value type
 */
public final class Resource<P, T> implements OwnedCloseable, AutoCloseable {
  private static final int FIELD_STATUS = 0;
  private static final int FIELD_PREVIOUS_STATUS = 1;
  private static final int FIELD_VALUE = 2;
  private static final int FIELD_ERROR = 3;
  private static final int FIELD_HAS_VALUE = 4;
  private static final int FIELD_COUNT = 5;

  private final ReactiveContext context;
  private final ResourceLoader<P, T> loader;
  private final Computed<P> params;
  private final Signal<ResourceSnapshot<T>> state;
  /** One computed per getter, created on first use, so each getter tracks only its field. */
  private final AtomicReferenceArray<Computed<?>> fieldViews =
      new AtomicReferenceArray<>(FIELD_COUNT);
  private final Effect paramsWatcher;
  private volatile String name = "resource";

  private Load current; // guarded by the context's lock; null when no load is running
  private volatile boolean closed; // written under the context's lock
  /** What owns this open resource (see Ownership); guarded by the context's lock. */
  Ownership owner;

  private Resource(
      ReactiveContext context, Supplier<? extends P> params, ResourceLoader<P, T> loader) {
    this.context = context;
    this.loader = loader;
    this.params = context.computed(params);
    this.state =
        context.signal(
            new ResourceSnapshot<>(name, ResourceStatus.IDLE, ResourceStatus.IDLE, null, null));
    this.paramsWatcher = context.effect(Effect.SYNCHRONOUS, this::watchParams);
  }

  /**
   * Creates a resource in {@link ReactiveContext#current()} and, if the params are non-null,
   * starts loading at once (status {@code LOADING}).
   *
   * @param params a reactive computation of the loader's params; {@code null} means "nothing to
   *     load" (IDLE)
   * @param loader called with each new params value
   * @param <P> the params type
   * @param <T> the value type
   * @return the new resource, loading if the params are non-null
   */
  public static <P, T> Resource<P, T> of(
      Supplier<? extends P> params, ResourceLoader<P, T> loader) {
    return of(ReactiveContext.current(), params, loader);
  }

  /**
   * As {@link #of(Supplier, ResourceLoader)}, in the given context.
   *
   * @param context the context the resource lives in
   * @param params computes the params; {@code null} means idle, no load
   * @param loader starts a load for the params
   * @param <P> the params type
   * @param <T> the value type
   * @return the new resource, loading if the params are non-null
   */
  public static <P, T> Resource<P, T> of(
      ReactiveContext context, Supplier<? extends P> params, ResourceLoader<P, T> loader) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(loader, "loader");
    return context.batch(() -> {
      Resource<P, T> resource = new Resource<>(context, params, loader);
      context.adopt(resource);
      return resource;
    });
  }

  /**
   * Names this resource (and its internal nodes) for error messages; returns {@code this}.
   *
   * @param name the name shown in messages
   * @return this resource
   */
  public Resource<P, T> named(String name) {
    this.name = Objects.requireNonNull(name, "name");
    params.named(name + ".params");
    state.named(name + ".state");
    paramsWatcher.named(name + ".paramsWatcher");
    return this;
  }

  /** {@return this resource's name ("resource" unless {@linkplain #named named})} */
  public String name() {
    return name;
  }

  /** {@return the context this resource lives in} */
  public ReactiveContext context() {
    return context;
  }

  /** {@return the status (tracked)} */
  public ResourceStatus status() {
    return field(FIELD_STATUS, ResourceSnapshot::status);
  }

  /** {@return the status before the last transition (tracked)} */
  public ResourceStatus previousStatus() {
    return field(FIELD_PREVIOUS_STATUS, ResourceSnapshot::previousStatus);
  }

  /**
   * {@return the value (tracked): the last loaded or locally set one, kept while (re)loading; {@code null}
   * if there is none yet}
   *
   * @throws ResourceErrorException in {@code ERROR}; guard with {@link #hasValue()}
   */
  public T value() {
    return field(FIELD_VALUE, ResourceSnapshot::value);
  }

  /** {@return the failure in {@code ERROR}, otherwise {@code null} (tracked)} */
  public Throwable error() {
    return field(FIELD_ERROR, ResourceSnapshot::error);
  }

  /** {@return {@code true} while a loader runs: {@code LOADING} or {@code RELOADING} (tracked)} */
  public boolean isLoading() {
    return status().isLoading();
  }

  /** {@return {@code true} when {@link #value()} returns non-null without throwing (tracked)} */
  public boolean hasValue() {
    return field(FIELD_HAS_VALUE, ResourceSnapshot::hasValue);
  }

  /** {@return status, value and error read atomically (tracked: depends on all of them)} */
  public ResourceSnapshot<T> snapshot() {
    return state.get();
  }

  /**
   * Loads again with the current params: cancels a running load and goes to {@code RELOADING},
   * keeping the value readable.
   *
   * @return {@code false} (and does nothing) when the params are {@code null} or failing
   * @throws ClosedException after {@link #close()}
   */
  public boolean reload() {
    return context.batch(
        () -> {
          ensureOpen("reload");
          P currentParams;
          try {
            currentParams = context.untracked(params::peek);
          } catch (VirtualMachineError fatal) {
            throw fatal;
          } catch (Throwable paramsFailure) {
            return false;
          }
          if (currentParams == null) {
            return false;
          }
          start(currentParams, ResourceStatus.RELOADING);
          return true;
        });
  }

  /**
   * Sets the value locally: status {@code LOCAL}; cancels a running load.
   *
   * @throws ClosedException after {@link #close()}
   * @param newValue the local value
   */
  public void set(T newValue) {
    context.batch(
        () -> {
          ensureOpen("set");
          setLocal(newValue);
        });
  }

  /**
   * Atomically replaces the value with {@code fn(value)} (the stored value, even in {@code
   * ERROR}); status {@code LOCAL}; cancels a running load. {@code fn} runs under the lock.
   *
   * @return the new value
   * @throws ClosedException after {@link #close()}
   * @param fn computes the new value from the current one
   */
  public T update(UnaryOperator<T> fn) {
    Objects.requireNonNull(fn, "fn");
    return context.batch(
        () -> {
          ensureOpen("update");
          T newValue = fn.apply(state.peek().storedValue());
          setLocal(newValue);
          return newValue;
        });
  }

  /** {@return whether {@link #close()} was called} */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Stops watching the params and cancels a running load (status {@code IDLE} if it was
   * loading). The last state stays readable. Idempotent.
   */
  @Override
  public void close() {
    context.batch(
        () -> {
          if (closed) {
            return;
          }
          closed = true;
          context.release(this);
          paramsWatcher.close();
          if (current != null) {
            transition(ResourceStatus.IDLE, state.peek().storedValue(), null);
            cancelCurrent();
          }
        });
  }

  @Override
  public String toString() {
    return "Resource[" + name + ": " + state.peek().status() + "]";
  }

  /**
   * A tracked read of one field of the state through its own computed, so that readers of one
   * field are not re-run when only another changes (equality cut-off). Creating a computed
   * takes no lock; if two threads race, one computed wins and the other is never used.
   */
  @SuppressWarnings("unchecked")
  private <V> V field(int index, Function<ResourceSnapshot<T>, V> field) {
    Computed<?> view = fieldViews.get(index);
    if (view == null) {
      Computed<V> created = context.computed(() -> field.apply(state.get()));
      view = fieldViews.compareAndExchange(index, null, created);
      if (view == null) {
        view = created;
      }
    }
    return (V) view.get();
  }

  /** The params watcher's body: runs at creation and whenever the params computation changes. */
  private void watchParams() {
    P newParams;
    try {
      newParams = params.get();
    } catch (VirtualMachineError fatal) {
      throw fatal; // not a failure of the params: the settle loop hands it to the writer
    } catch (Throwable paramsFailure) {
      context.untracked(
          () -> {
            fail(paramsFailure);
            return null;
          });
      return;
    }
    context.untracked(
        () -> {
          if (newParams == null) {
            goIdle();
          } else {
            start(newParams, ResourceStatus.LOADING);
          }
          return null;
        });
  }

  private void fail(Throwable paramsFailure) {
    transition(ResourceStatus.ERROR, state.peek().storedValue(), paramsFailure);
    cancelCurrent();
  }

  private void goIdle() {
    ResourceSnapshot<T> before = state.peek();
    if (before.status() != ResourceStatus.IDLE) {
      transition(ResourceStatus.IDLE, before.storedValue(), null);
    }
    cancelCurrent();
  }

  /** Lock held. Makes a new load current, cancels the old one, hands the new one to the executor. */
  private void start(P loadParams, ResourceStatus loadingStatus) {
    ResourceSnapshot<T> before = state.peek();
    transition(loadingStatus, before.storedValue(), null);
    cancelCurrent();
    Load load = new Load(loadParams, before);
    current = load;
    try {
      context.executor().execute(load::run);
    } catch (RejectedExecutionException rejected) {
      complete(load, null, rejected);
    }
  }

  private void setLocal(T newValue) {
    transition(ResourceStatus.LOCAL, newValue, null);
    cancelCurrent();
  }

  /** Lock held. One committed write of the whole state. */
  private void transition(ResourceStatus to, T newValue, Throwable newError) {
    ResourceStatus from = state.peek().status();
    state.set(new ResourceSnapshot<>(name, to, from, newValue, newError));
    if (context.spy != null) {
      context.spy.resourceTransition(this, from, to);
    }
  }

  /** Lock held. Detaches the running load (so its result is ignored), then cancels it. */
  private void cancelCurrent() {
    Load running = current;
    if (running != null) {
      current = null;
      running.cancel();
    }
  }

  /** Commits a load's outcome under the lock, unless the load was superseded meanwhile. */
  private void complete(Load load, T result, Throwable failure) {
    context.batch(
        () -> {
          if (current != load) {
            return;
          }
          current = null;
          if (failure == null) {
            transition(ResourceStatus.RESOLVED, result, null);
          } else {
            transition(ResourceStatus.ERROR, state.peek().storedValue(), unwrap(failure));
          }
        });
  }

  private void ensureOpen(String operation) {
    if (closed) {
      throw new ClosedException("Resource '" + name + "'", operation + "()");
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** One run of the loader: its params, its token and, once the loader returned, its stage. */
  private final class Load {
    private final ResourceLoaderParams<P, T> request;
    private volatile CompletionStage<? extends T> stage;

    Load(P loadParams, ResourceSnapshot<T> previous) {
      this.request =
          new ResourceLoaderParams<>(
              loadParams, new Cancellation(context), previous);
    }

    /** On the executor: calls the loader and subscribes to its stage. */
    void run() {
      if (request.cancellation().isCancelled()) {
        return;
      }
      CompletionStage<? extends T> loaded = context.untracked(this::callLoader);
      if (loaded == null) {
        complete(
            this,
            null,
            new NullPointerException(
                "the loader of resource '" + name + "' returned null; return a CompletionStage"));
        return;
      }
      stage = loaded;
      if (request.cancellation().isCancelled()) {
        cancelStage(loaded);
        return;
      }
      loaded.whenComplete(this::commit);
    }

    /**
     * Commits the outcome on the completing thread; if that thread is inside another context's
     * lock (which forbids taking this one), commits from the executor instead.
     */
    private void commit(T result, Throwable failure) {
      try {
        complete(this, result, failure);
      } catch (ContextMismatchException insideAnotherContext) {
        context.executor().execute(() -> complete(this, result, failure));
      }
    }

    private CompletionStage<? extends T> callLoader() {
      try {
        return loader.load(request);
      } catch (Exception | Error thrown) {
        return CompletableFuture.failedFuture(thrown);
      }
    }

    /** Fires the token, then cancels the stage if the loader has returned one. */
    void cancel() {
      request.cancellation().cancel();
      CompletionStage<? extends T> loaded = stage;
      if (loaded != null) {
        cancelStage(loaded);
      }
    }

    private void cancelStage(CompletionStage<? extends T> loaded) {
      try {
        loaded.toCompletableFuture().cancel(true);
      } catch (UnsupportedOperationException | CancellationException notCancellable) {
        // A stage without a CompletableFuture view cannot be cancelled; its result is ignored.
      }
    }
  }
}
