package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowBridgeTest {
  private final ExecutorService delivery =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "delivery"));
  private final ConcurrentLinkedQueue<Throwable> reported = new ConcurrentLinkedQueue<>();
  private final ReactiveContext ctx =
      ReactiveContext.builder()
          .name("flow-test")
          .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
          .errorHandler((source, error) -> reported.add(error))
          .build();
  private final Signal<Integer> count = ctx.signal(0);
  /** Delivers in place, so a test can check exactly what was delivered after each step. */
  private final Executor inPlace = Runnable::run;

  @AfterEach
  void stop() {
    delivery.shutdownNow();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 10 s");
      }
      Thread.sleep(1);
    }
  }

  @Test
  void publishesTheCurrentValueThenEachCommittedChangeInOrderOnTheExecutor() throws Exception {
    RecordingSubscriber<Integer> subscriber = RecordingSubscriber.unbounded();
    SignalPublisher.of(count, delivery).subscribe(subscriber);
    subscriber.awaitItems(1);
    count.set(1);
    count.set(1);
    count.set(2);
    ctx.batch(
        () -> {
          count.set(3);
          count.set(4);
        });
    count.set(99);
    subscriber.awaitItems(5);
    assertEquals(List.of(0, 1, 2, 4, 99), subscriber.items);
    assertTrue(
        subscriber.threads.stream().allMatch("delivery"::equals), subscriber.threads::toString);
  }

  @Test
  void aSlowSubscriberGetsEveryValueInOrderAndNeverMoreThanItRequested() throws Exception {
    RecordingSubscriber<Integer> slow =
        new RecordingSubscriber<>(1, true, () -> sleep(1));
    SignalPublisher.of(count, delivery).subscribe(slow);
    for (int i = 1; i <= 200; i++) {
      count.set(i);
    }
    slow.awaitItems(201);
    assertEquals(IntStream.rangeClosed(0, 200).boxed().collect(Collectors.toList()), slow.items);
    assertFalse(slow.overDelivered);
  }

  @Test
  void deliversExactlyWhatIsRequested() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(2, false, () -> {});
    SignalPublisher.of(count, inPlace).subscribe(subscriber);
    for (int i = 1; i <= 5; i++) {
      count.set(i);
    }
    assertEquals(List.of(0, 1), subscriber.items);
    subscriber.request(3);
    assertEquals(List.of(0, 1, 2, 3, 4), subscriber.items);
    subscriber.request(10);
    assertEquals(List.of(0, 1, 2, 3, 4, 5), subscriber.items);
    count.set(6);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), subscriber.items);
    assertFalse(subscriber.overDelivered);
  }

  @Test
  void latestKeepsOnlyTheNewestUndeliveredValue() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(1, false, () -> {});
    SignalPublisher.latest(count, inPlace).subscribe(subscriber);
    for (int i = 1; i <= 5; i++) {
      count.set(i);
    }
    assertEquals(List.of(0), subscriber.items);
    subscriber.request(1);
    assertEquals(List.of(0, 5), subscriber.items);
  }

  @Test
  void cancelStopsDelivery() {
    RecordingSubscriber<Integer> subscriber = RecordingSubscriber.unbounded();
    SignalPublisher.of(count, inPlace).subscribe(subscriber);
    count.set(1);
    subscriber.subscription.cancel();
    count.set(2);
    assertEquals(List.of(0, 1), subscriber.items);
  }

  @Test
  void cancelFromInsideAnotherContextStillStopsDelivery() throws Exception {
    RecordingSubscriber<Integer> subscriber = RecordingSubscriber.unbounded();
    SignalPublisher.of(count, delivery).subscribe(subscriber);
    subscriber.awaitItems(1);
    ReactiveContext other = ReactiveContext.builder().name("other").build();
    other.batch(() -> subscriber.subscription.cancel());
    count.set(1);
    count.set(2);
    RecordingSubscriber<Integer> later = RecordingSubscriber.unbounded();
    SignalPublisher.of(count, delivery).subscribe(later);
    later.awaitItems(1); // the delivery thread has drained everything queued before
    assertEquals(List.of(0), subscriber.items);
  }

  @Test
  void aNonPositiveRequestIsAnError() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0, false, () -> {});
    SignalPublisher.of(count, inPlace).subscribe(subscriber);
    subscriber.request(0);
    assertInstanceOf(IllegalArgumentException.class, subscriber.error);
    count.set(1);
    assertEquals(List.of(), subscriber.items);
  }

  @Test
  void aFailingSourceEndsTheStreamWithOnError() {
    Computed<Integer> inverse = ctx.computed(() -> 100 / count.get());
    count.set(4);
    RecordingSubscriber<Integer> subscriber = RecordingSubscriber.unbounded();
    SignalPublisher.of(inverse, inPlace).subscribe(subscriber);
    count.set(0);
    assertEquals(List.of(25), subscriber.items);
    assertInstanceOf(ArithmeticException.class, subscriber.error);
    count.set(5);
    assertEquals(List.of(25), subscriber.items);
  }

  @Test
  void aThrowingSubscriberIsCancelledAndReported() {
    List<Integer> received = new ArrayList<>();
    RecordingSubscriber<Integer> subscriber =
        new RecordingSubscriber<>(
            Long.MAX_VALUE,
            false,
            () -> {
              if (received.size() == 1) {
                throw new IllegalStateException("subscriber bug");
              }
              received.add(0);
            });
    SignalPublisher.of(count, inPlace).subscribe(subscriber);
    count.set(1);
    count.set(2);
    assertEquals(List.of(0, 1), subscriber.items);
    assertEquals(1, reported.size());
    assertInstanceOf(IllegalStateException.class, reported.peek());
  }

  /** Issue 14.9: an Error from onNext used to wedge the drain loop and grow the buffer. */
  @Test
  void aSubscriberThrowingAnErrorIsCancelledReportedAndOthersGoOn() {
    RecordingSubscriber<Integer> failing =
        new RecordingSubscriber<>(Long.MAX_VALUE, false, () -> {
          throw new AssertionError("subscriber bug");
        });
    RecordingSubscriber<Integer> healthy = RecordingSubscriber.unbounded();
    SignalPublisher<Integer> publisher = SignalPublisher.of(count, inPlace);
    publisher.subscribe(failing);
    publisher.subscribe(healthy);

    count.set(1);
    count.set(2);

    assertEquals(List.of(0), failing.items);
    assertEquals(List.of(0, 1, 2), healthy.items);
    assertEquals(1, reported.size());
    assertInstanceOf(AssertionError.class, reported.peek());
    int watchers = 0;
    for (WatchedLink l = count.subs; l != null; l = l.nextSub) {
      watchers++;
    }
    assertEquals(1, watchers, "the failed subscription still watches (and buffers) the source");
  }

  @Test
  void nullValuesAreNotPublished() {
    Signal<String> name = ctx.signal("a");
    RecordingSubscriber<String> subscriber = RecordingSubscriber.unbounded();
    SignalPublisher.of(name, inPlace).subscribe(subscriber);
    name.set(null);
    name.set("b");
    assertEquals(List.of("a", "b"), subscriber.items);
  }

  @Test
  void aSubscribedSignalCommitsEachItemAndReportsCompletion() throws Exception {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    try (SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>(delivery, 4)) {
      SubscribedSignal<Integer> latest = SubscribedSignal.into(ctx.signal(-1), publisher);
      ctx.effect(() -> seen.add(latest.get()));
      Computed<Boolean> done = ctx.computed(latest::isCompleted);
      for (int i = 1; i <= 50; i++) {
        publisher.submit(i);
      }
      publisher.close();
      await(done::get);
      assertEquals(50, latest.get());
      assertNull(latest.error());
    }
    List<Integer> expected = new ArrayList<>(List.of(-1));
    expected.addAll(IntStream.rangeClosed(1, 50).boxed().collect(Collectors.toList()));
    assertEquals(expected, seen);
  }

  @Test
  void aSubscribedSignalReportsTheStreamsFailure() throws Exception {
    SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>(delivery, 4);
    SubscribedSignal<Integer> latest = SubscribedSignal.into(ctx.signal(0), publisher);
    IllegalStateException boom = new IllegalStateException("feed down");
    publisher.submit(1);
    await(() -> latest.get() == 1);
    publisher.closeExceptionally(boom);
    await(() -> latest.error() != null);
    assertSame(boom, latest.error());
    assertEquals(1, latest.get());
    assertFalse(latest.isCompleted());
  }

  @Test
  void closingASubscribedSignalCancelsTheSubscription() throws Exception {
    try (SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>(delivery, 4)) {
      Signal<Integer> target = ctx.signal(0);
      SubscribedSignal<Integer> fed = SubscribedSignal.into(target, publisher);
      await(() -> publisher.getNumberOfSubscribers() == 1);
      publisher.submit(1);
      await(() -> target.get() == 1);
      fed.close();
      await(() -> publisher.getNumberOfSubscribers() == 0);
      publisher.submit(2);
      assertEquals(1, fed.get());
    }
  }

  @Test
  void ofFeedsANewSignalInTheCurrentContext() throws Exception {
    try (SubmissionPublisher<String> publisher = new SubmissionPublisher<>(delivery, 4)) {
      SubscribedSignal<String> fed = SubscribedSignal.of(publisher, "none");
      assertSame(ReactiveContext.global(), fed.context());
      assertEquals("none", fed.peek());
      await(() -> publisher.getNumberOfSubscribers() == 1);
      publisher.submit("hello");
      await(() -> "hello".equals(fed.get()));
      fed.close();
    }
  }

  @Test
  void aSignalCanBeMirroredIntoAnotherContextThroughFlow() throws Exception {
    ReactiveContext other = ReactiveContext.builder().name("mirror").build();
    SubscribedSignal<Integer> mirror =
        SubscribedSignal.into(other.signal(-1), SignalPublisher.of(count, delivery));
    await(() -> mirror.get() == 0);
    count.set(7);
    await(() -> mirror.get() == 7);
    assertSame(other, mirror.context());
    mirror.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
