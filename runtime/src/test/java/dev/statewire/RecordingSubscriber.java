package dev.statewire;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test subscriber that records what it receives, on which threads, and whether it ever got
 * more items than it requested. It requests {@code initialRequest} on subscription and, if
 * {@code requestEachItem} is set, one more after each item (a slow, one-at-a-time consumer).
 */
final class RecordingSubscriber<T> implements Flow.Subscriber<T> {
  final List<T> items = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final AtomicLong requested = new AtomicLong();
  volatile Throwable error;
  volatile boolean overDelivered;
  volatile Flow.Subscription subscription;
  private final long initialRequest;
  private final boolean requestEachItem;
  private final Runnable onEachItem;
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final CountDownLatch failed = new CountDownLatch(1);

  RecordingSubscriber(long initialRequest, boolean requestEachItem, Runnable onEachItem) {
    this.initialRequest = initialRequest;
    this.requestEachItem = requestEachItem;
    this.onEachItem = onEachItem;
  }

  static <T> RecordingSubscriber<T> unbounded() {
    return new RecordingSubscriber<>(Long.MAX_VALUE, false, () -> {});
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    subscribed.countDown();
    if (initialRequest > 0) {
      request(initialRequest);
    }
  }

  void request(long n) {
    requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    subscription.request(n);
  }

  @Override
  public void onNext(T item) {
    if (items.size() + 1 > requested.get()) {
      overDelivered = true;
    }
    threads.add(Thread.currentThread().getName());
    items.add(item);
    onEachItem.run();
    if (requestEachItem) {
      request(1);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    error = throwable;
    failed.countDown();
  }

  @Override
  public void onComplete() {}

  void awaitSubscribed() throws InterruptedException {
    if (!subscribed.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("never subscribed");
    }
  }

  void awaitItems(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (items.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("got " + items + ", expected " + count + " items");
      }
      Thread.sleep(1);
    }
  }

  void awaitError() throws InterruptedException {
    if (!failed.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no onError; got " + items);
    }
  }
}
