package dev.statewire;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Flow.Publisher} of a signal's values, to hand state to Reactor, RxJava, a web socket
 * or anything else that speaks {@code java.util.concurrent.Flow}.
 *
 * <pre>{@code
 * Flow.Publisher<Integer> counts = SignalPublisher.of(count, executor);
 * counts.subscribe(subscriber);   // gets the current value, then every change, in order
 * }</pre>
 *
 * <p>Each subscriber first gets the value current at subscription, then every value the source
 * commits (every change by the source's own equality; a batch commits only its final value),
 * in commit order. Signals go to the subscriber on the given executor, one at a time, and never
 * beyond its demand ({@link Flow.Subscription#request}). The two modes differ in what happens
 * while the subscriber is behind:
 *
 * <ul>
 *   <li>{@link #of} buffers every value it could not deliver yet (nothing is skipped; memory
 *       grows while a subscriber requests nothing);
 *   <li>{@link #latest} keeps only the newest undelivered value (for UIs and other consumers
 *       that only care about the present).
 * </ul>
 *
 * <p>Flow forbids {@code null} items, so {@code null} values are not published. If reading the
 * source throws (a failing {@link Computed}), the subscriber gets {@code onError} (undelivered
 * values are dropped) and the subscription ends. A subscriber whose method throws anything
 * (Reactive Streams rule 2.13) is cancelled, its undelivered values are dropped and the failure
 * goes to the context's {@link ErrorHandler}; other subscribers go on. The stream never completes
 * on its own; {@link
 * Flow.Subscription#cancel()} stops watching the source. Each subscription watches the source
 * with an effect of the source's context, which holds it (and the subscriber) until cancelled.
 *
 * @param <T> the value type
 */
public final class SignalPublisher<T> implements Flow.Publisher<T> {
  private final ReadableSignal<? extends T> source;
  private final Executor executor;
  private final boolean conflate;

  private SignalPublisher(ReadableSignal<? extends T> source, Executor executor, boolean conflate) {
    this.source = Objects.requireNonNull(source, "source");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.conflate = conflate;
  }

  /**
   * Publishes every value of {@code source}, delivered on its context's executor.
   *
   * @param source the signal to publish
   * @param <T> the value type
   * @return a publisher of every value of {@code source}
   */
  public static <T> SignalPublisher<T> of(ReadableSignal<? extends T> source) {
    Objects.requireNonNull(source, "source");
    return of(source, source.context().executor());
  }

  /**
   * Publishes every value of {@code source}, delivered on {@code executor}.
   *
   * @param source the signal to publish
   * @param executor delivers the values to subscribers
   * @param <T> the value type
   * @return a publisher of every value of {@code source}
   */
  public static <T> SignalPublisher<T> of(ReadableSignal<? extends T> source, Executor executor) {
    return new SignalPublisher<>(source, executor, false);
  }

  /**
   * Publishes the newest value of {@code source}, delivered on {@code executor}: values a slow
   * subscriber has not requested yet are replaced by newer ones.
   *
   * @param source the signal to publish
   * @param executor delivers the values to subscribers
   * @param <T> the value type
   * @return a publisher of the newest value of {@code source}
   */
  public static <T> SignalPublisher<T> latest(
      ReadableSignal<? extends T> source, Executor executor) {
    return new SignalPublisher<>(source, executor, true);
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    new SignalSubscription(subscriber).start();
  }

  /**
   * One subscriber's subscription: an effect on the source queues values; a drain loop on the
   * executor hands them over within the demand. The drain loop runs on one thread at a time
   * ({@code wip} counts the reasons to drain), so the subscriber is signalled serially.
   */
  private final class SignalSubscription implements Flow.Subscription {
    private static final Object NO_VALUE = new Object();

    private final Flow.Subscriber<? super T> subscriber;
    private final Queue<T> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Object> newest = new AtomicReference<>(NO_VALUE);
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private volatile Effect watcher;
    private boolean subscribed; // drain loop only

    SignalSubscription(Flow.Subscriber<? super T> subscriber) {
      this.subscriber = subscriber;
    }

    void start() {
      watcher = source.context().effect(Effect.SYNCHRONOUS, this::watchSource);
      if (cancelled) {
        watcher.close();
      }
      schedule();
    }

    /** The effect body: runs under the source's lock, at subscription and on every change. */
    private void watchSource() {
      T value;
      try {
        value = source.get();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        failure = e;
        schedule();
        return;
      }
      if (value == null || cancelled) {
        return;
      }
      if (conflate) {
        newest.set(value);
      } else {
        buffer.add(value);
      }
      schedule();
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        failure =
            new IllegalArgumentException(
                "request(" + n + "): a subscriber must request a positive number (rule 3.9)");
      } else {
        demand.getAndAccumulate(
            n, (current, add) -> current + add < 0 ? Long.MAX_VALUE : current + add);
      }
      schedule();
    }

    @Override
    public void cancel() {
      cancelled = true;
      Effect w = watcher;
      if (w != null) {
        try {
          w.close();
        } catch (ContextMismatchException insideAnotherContext) {
          executor.execute(w::close); // values it still sees are dropped: cancelled is set
        }
      }
    }

    private void schedule() {
      if (wip.getAndIncrement() == 0) {
        try {
          executor.execute(this::drain);
        } catch (RejectedExecutionException rejected) {
          cancel();
          source.context().reportError("a SignalPublisher's executor", rejected);
        }
      }
    }

    private void drain() {
      int missed = 1;
      do {
        if (!subscribed) {
          subscribed = true;
          if (!deliver(() -> subscriber.onSubscribe(this))) {
            return;
          }
        }
        if (cancelled) {
          buffer.clear();
          return;
        }
        Throwable failed = failure;
        if (failed != null) {
          cancel();
          buffer.clear();
          deliver(() -> subscriber.onError(failed));
          return;
        }
        long requested = demand.get();
        long emitted = 0;
        while (emitted < requested && !cancelled) {
          T next = poll();
          if (next == null) {
            break;
          }
          if (!deliver(() -> subscriber.onNext(next))) {
            return;
          }
          emitted++;
        }
        if (emitted > 0) {
          demand.getAndAccumulate(
              emitted, (current, sent) -> current == Long.MAX_VALUE ? current : current - sent);
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    @SuppressWarnings("unchecked")
    private T poll() {
      if (conflate) {
        Object value = newest.getAndSet(NO_VALUE);
        return value == NO_VALUE ? null : (T) value;
      }
      return buffer.poll();
    }

    /**
     * Signals the subscriber. A subscriber that throws anything (rule 2.13) is cancelled, its
     * undelivered values are dropped (nothing is buffered for it any more) and the failure goes
     * to the context's error handler; the drain loop ends, other subscriptions go on. A {@link
     * VirtualMachineError} is then rethrown to the executor's thread.
     */
    private boolean deliver(Runnable signal) {
      try {
        signal.run();
        return true;
      } catch (Throwable e) {
        cancel();
        buffer.clear();
        newest.set(NO_VALUE);
        source.context().reportError("a Flow.Subscriber of a SignalPublisher", e);
        if (e instanceof VirtualMachineError) {
          throw (VirtualMachineError) e;
        }
        return false;
      }
    }
  }
}
