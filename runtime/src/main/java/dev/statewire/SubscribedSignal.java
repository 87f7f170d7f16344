package dev.statewire;

import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * A read-only signal fed by a {@link Flow.Publisher}: each item the publisher sends is committed
 * as the signal's new value (under the context's lock, on the publisher's thread, running the
 * effects it reaches there), so computeds and effects react to a stream like to any signal.
 *
 * <pre>{@code
 * SubscribedSignal<Price> price = SubscribedSignal.of(pricePublisher, Price.UNKNOWN);
 * Effect.of(() -> render(price.get()));
 * ...
 * price.close();   // cancels the subscription
 * }</pre>
 *
 * <p>Back-pressure: it requests one item, commits it, then requests the next, so a publisher
 * never runs ahead of the commits. Items equal to the current value change nothing (as {@link
 * Signal#set}). {@link #error()} and {@link #isCompleted()} tell how the stream ended (both
 * tracked); the last value stays readable. {@link #into} feeds an existing signal instead. If
 * a commit fails (e.g. the publisher's thread is inside another context), the subscription is
 * cancelled and the failure becomes {@link #error()}.
 *
 * @param <T> the value type
 */
public final class SubscribedSignal<T> implements ReadableSignal<T>, AutoCloseable {
  private final Signal<T> target;
  private final Signal<Throwable> error;
  private final Signal<Boolean> completed;
  private final Subscriber subscriber = new Subscriber();

  private SubscribedSignal(Signal<T> target) {
    this.target = target;
    ReactiveContext context = target.context();
    this.error = context.signal(null);
    this.completed = context.signal(false);
  }

  /**
   * A new signal in {@link ReactiveContext#current()}, holding {@code initial} until fed.
   *
   * @param publisher the source of values
   * @param initial the value until the first one arrives
   * @param <T> the value type
   * @return a new signal subscribed to {@code publisher}
   */
  public static <T> SubscribedSignal<T> of(Flow.Publisher<? extends T> publisher, T initial) {
    return into(ReactiveContext.current().signal(initial), publisher);
  }

  /**
   * Feeds {@code target} from {@code publisher}; reads of the result read {@code target}.
   *
   * @param target the signal each value is written to
   * @param publisher the source of values
   * @param <T> the value type
   * @return the subscription's signal, reading {@code target}
   */
  public static <T> SubscribedSignal<T> into(
      Signal<T> target, Flow.Publisher<? extends T> publisher) {
    Objects.requireNonNull(publisher, "publisher");
    SubscribedSignal<T> signal = new SubscribedSignal<>(Objects.requireNonNull(target, "target"));
    publisher.subscribe(signal.subscriber);
    return signal;
  }

  /** The latest item (or the initial value), tracked. */
  @Override
  public T get() {
    return target.get();
  }

  @Override
  public T peek() {
    return target.peek();
  }

  @Override
  public ReactiveContext context() {
    return target.context();
  }

  /** {@return the publisher's {@code onError} failure, or {@code null} (tracked)} */
  public Throwable error() {
    return error.get();
  }

  /** {@return whether the publisher called {@code onComplete} (tracked)} */
  public boolean isCompleted() {
    return completed.get();
  }

  /** Cancels the subscription; the value stays readable. Idempotent. */
  @Override
  public void close() {
    subscriber.cancel();
  }

  @Override
  public String toString() {
    return "SubscribedSignal[" + target.peek() + "]";
  }

  /** The Flow side: one item at a time, each committed before the next is requested. */
  private final class Subscriber implements Flow.Subscriber<T> {
    private Flow.Subscription subscription; // guarded by this
    private boolean cancelled; // guarded by this

    @Override
    public void onSubscribe(Flow.Subscription s) {
      boolean accept;
      synchronized (this) {
        accept = subscription == null && !cancelled;
        if (accept) {
          subscription = s;
        }
      }
      if (accept) {
        s.request(1);
      } else {
        s.cancel(); // rule 2.5: a second subscription, or closed before it arrived
      }
    }

    @Override
    public void onNext(T item) {
      Flow.Subscription s;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        s = subscription;
      }
      try {
        target.set(item);
      } catch (RuntimeException commitFailure) {
        cancel();
        try {
          error.set(commitFailure);
        } catch (RuntimeException alsoFailed) {
          target.context().reportError("a SubscribedSignal", commitFailure);
        }
        return;
      }
      s.request(1);
    }

    @Override
    public void onError(Throwable failure) {
      if (!isCancelled()) {
        error.set(failure);
      }
    }

    @Override
    public void onComplete() {
      if (!isCancelled()) {
        completed.set(true);
      }
    }

    void cancel() {
      Flow.Subscription s;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        s = subscription;
      }
      if (s != null) {
        s.cancel();
      }
    }

    private synchronized boolean isCancelled() {
      return cancelled;
    }
  }
}
