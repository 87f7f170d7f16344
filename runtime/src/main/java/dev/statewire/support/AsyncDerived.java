package dev.statewire.support;

import dev.statewire.Computed;
import dev.statewire.Effect;
import dev.statewire.ReactiveContext;
import dev.statewire.Resource;
import dev.statewire.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The machinery behind an async {@code @Derived} method (one returning a {@code
 * CompletionStage}) of a generated state class: a {@link Resource} whose params are the values
 * the method depends on and whose loader calls the method, plus the stages the generated
 * override hands to its callers.
 *
 * <p>{@link #next()} is what calling the method returns: a stage completed with the resource's
 * value as soon as the resource is settled ({@code RESOLVED} or {@code LOCAL}; failed in {@code
 * ERROR}). While a load runs, the stage completes when the resource next settles, which is the
 * outcome of the newest load: a superseded load never completes it. {@link #close()} cancels
 * the stages still waiting. Waiting stages are completed on the context's executor, so that
 * their callbacks never run under the context's lock.
 *
 * <p>{@link #outcome()} is what another async derived value that calls this one depends on: the
 * outcome of the last settled load, compared by {@code equals}, so that a reload that ends with
 * an equal value (or the loading states in between) reloads nothing downstream.
 *
 * @param <T> the value type
 */
public final class AsyncDerived<T> implements AutoCloseable {
  /** The outcome before any load settled. */
  private static final Object NOT_SETTLED = new Object();
  private final ReactiveContext context;
  private final Resource<List<Object>, T> resource;
  private final Effect settler;
  /** The outcome of the last settled load, with equality cut-off; see {@link #outcome()}. */
  private final Computed<Object> outcome;
  /** What {@link #outcome} last returned; written only by its computation. */
  private Object lastOutcome = NOT_SETTLED;
  /** Stages handed out while the resource was loading; guarded by the context's lock. */
  private List<CompletableFuture<T>> waiting = new ArrayList<>();
  /** Written under the context's lock. */
  private volatile boolean closed;

  /**
   * Creates the resource and starts its first load.
   *
   * @param context the context of the state object
   * @param name the method, for node names and messages: {@code "UserView.user()"}
   * @param params reads (tracked) what the method depends on; a change reloads
   * @param load calls the method; the generated class calls it under the context's lock, on the
   *     executor, so that it sees a committed state
   */
  public AsyncDerived(
      ReactiveContext context,
      String name,
      Supplier<List<Object>> params,
      Supplier<CompletionStage<? extends T>> load) {
    this.context = Objects.requireNonNull(context, "context");
    Objects.requireNonNull(load, "load");
    this.resource = Resource.<List<Object>, T>of(context, params, request -> load.get());
    resource.named(name);
    this.settler = context.effect(Effect.SYNCHRONOUS, cleanup -> {
      settleWaiting();
      cleanup.add(this::cancelWaitingIfClosed);
    }).named(name + ".settler");
    this.outcome = context.computed(this::settledOutcome).named(name + ".outcome");
  }

  /**
   * {@return the value (or the error) of the last load that settled, unchanged while a load runs: a
   * tracked read for the params of an async derived value that calls this one, so that it
   * reloads only when this value really changes, not on each status transition}
   */
  public Object outcome() {
    return outcome.get();
  }

  /** {@return the resource: its status, value and error are tracked reads} */
  public Resource<?, T> resource() {
    return resource;
  }

  /**
   * {@return a stage of the resource's current or next settled value} A tracked read: a computed value
   * or effect that calls it depends on the resource's state.
   */
  public CompletableFuture<T> next() {
    CompletableFuture<T> stage = new CompletableFuture<>();
    if (settle(resource.snapshot(), stage)) {
      return stage;
    }
    context.batch(
        () -> {
          ResourceSnapshot<T> locked = context.untracked(resource::snapshot);
          if (!settle(locked, stage)) {
            waiting.add(stage);
          }
        });
    return stage;
  }

  /**
   * Closes the resource (a running load is cancelled) and cancels the stages still waiting.
   * Idempotent.
   */
  @Override
  public void close() {
    context.batch(
        () -> {
          if (closed) {
            return;
          }
          closed = true;
          settler.close(); // its cleanup cancels the stages still waiting
          resource.close();
        });
  }

  @Override
  public String toString() {
    return "AsyncDerived[" + resource + "]";
  }

  /** The settler effect: when the resource settles, completes the stages waiting for it. */
  private void settleWaiting() {
    ResourceSnapshot<T> now = resource.snapshot();
    if (now.isLoading() || waiting.isEmpty()) {
      return;
    }
    List<CompletableFuture<T>> ready = takeWaiting();
    dispatch(() -> ready.forEach(stage -> settle(now, stage)));
  }

  private Object settledOutcome() {
    ResourceSnapshot<T> now = resource.snapshot();
    switch (now.status()) {
      case RESOLVED:
      case LOCAL:
        lastOutcome = now.value();
        break;
      case ERROR:
        lastOutcome = now.error();
        break;
      default:
        break;
    }
    return lastOutcome;
  }

  /**
   * The settler's cleanup: if the settler was closed, by {@link #close()} or by its context's
   * {@code close()}, no load will settle the stages still waiting: cancel them.
   */
  private void cancelWaitingIfClosed() {
    if (settler.isClosed() && !waiting.isEmpty()) {
      List<CompletableFuture<T>> cancelled = takeWaiting();
      dispatch(() -> cancelled.forEach(stage -> stage.cancel(false)));
    }
  }

  /** Completes {@code stage} from {@code snapshot} if it is settled; returns whether it was. */
  private boolean settle(ResourceSnapshot<T> snapshot, CompletableFuture<T> stage) {
    switch (snapshot.status()) {
      case RESOLVED:
      case LOCAL:
        stage.complete(snapshot.value());
        return true;
      case ERROR:
        stage.completeExceptionally(snapshot.error());
        return true;
      case IDLE:
        if (closed) {
          stage.cancel(false);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  /** Lock held. */
  private List<CompletableFuture<T>> takeWaiting() {
    List<CompletableFuture<T>> taken = waiting;
    waiting = new ArrayList<>();
    return taken;
  }

  /** Runs {@code completion} on the executor, or here if the executor refuses it. */
  private void dispatch(Runnable completion) {
    try {
      context.executor().execute(completion);
    } catch (RejectedExecutionException rejected) {
      completion.run();
    }
  }
}
