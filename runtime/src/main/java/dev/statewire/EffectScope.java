package dev.statewire;

import java.util.Objects;

/**
 * Collects the effects and resources created inside {@link #run} — including each {@link
 * SignalPublisher} subscription's watcher and what a {@code @Reactive} instance built there
 * starts — so that one {@link #close()} disposes all of them.
 *
 * <pre>{@code
 * EffectScope scope = EffectScope.create();
 * scope.run(() -> {
 *   Effect.of(() -> label.setText("Count: " + count.get()));
 *   SignalPublisher.of(count).subscribe(socket);
 * });
 * scope.close();   // both stop
 * }</pre>
 *
 * <p>A scope belongs to one context and collects only that context's nodes. Its {@code run}
 * holds the context's lock like a batch. Effects created by an effect's body belong to that
 * effect (closed before its next run), not to the scope; the scope closes them with their owner.
 * A scope is itself owned like an effect, by the effect run, scope or context creating it: an
 * effect that creates a scope closes it before its next run, and {@link ReactiveContext#close()}
 * is the outermost scope.
 */
public final class EffectScope implements OwnedCloseable, AutoCloseable {
  private final ReactiveContext context;
  private final Ownership owned = new Ownership();
  /** Written under the context's lock. */
  private volatile boolean closed;
  /** What owns this open scope (see Ownership); guarded by the context's lock. */
  Ownership owner;

  private EffectScope(ReactiveContext context) {
    this.context = context;
  }

  /**
   * A scope in {@link ReactiveContext#current()}; see {@link #create(ReactiveContext)}.
   *
   * @return a new open scope
   */
  public static EffectScope create() {
    return create(ReactiveContext.current());
  }

  /**
   * A scope in the given context, owned by what is creating it: the running effect (closed with
   * its run), an enclosing scope, or the context.
   *
   * @param context the context whose nodes the scope collects
   * @return a new open scope
   * @throws ClosedException if the context is closed
   */
  public static EffectScope create(ReactiveContext context) {
    Objects.requireNonNull(context, "context");
    context.enterUninterruptibly();
    try {
      context.requireOpen("creating an effect scope");
      EffectScope scope = new EffectScope(context);
      context.adopt(scope);
      return scope;
    } finally {
      context.exit();
    }
  }

  /** {@return the context whose nodes this scope collects} */
  public ReactiveContext context() {
    return context;
  }

  /**
   * Runs {@code body} as a batch of the scope's context; the effects and resources it creates
   * (outside effect bodies) belong to this scope. May be called several times.
   *
   * @param body the block whose effects and resources this scope collects
   * @throws ClosedException once the scope is closed
   */
  public void run(Runnable body) {
    Objects.requireNonNull(body, "body");
    ReactiveContext c = context;
    c.enterUninterruptibly();
    try {
      if (closed) {
        throw new ClosedException(toString(), "run(...)");
      }
      Object outer = c.owner;
      c.owner = owned;
      try {
        body.run();
      } finally {
        c.owner = outer;
        if (closed) {
          owned.closeEffectsAndResources(); // what the body created after closing the scope
        }
      }
    } finally {
      c.exit();
    }
  }

  /**
   * Closes every effect and resource this scope holds (newest first, running their cleanups).
   * Idempotent; may be called inside {@link #run}.
   */
  @Override
  public void close() {
    ReactiveContext c = context;
    c.enterUninterruptibly();
    try {
      closed = true;
      c.release(this);
      owned.closeEffectsAndResources();
    } finally {
      c.exit();
    }
  }

  /** {@return whether {@link #close()} was called} */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "EffectScope of " + context;
  }
}
