package dev.statewire;

import java.time.Duration;

/**
 * A hand-written state object shaped like the processor's output, so that the runtime's lock
 * blocks, transactions and tasks can be tested without the processor.
 */
class Counter implements ReactiveObject {
  /** The plain field, written inside lock blocks. */
  int count;
  final Signal<Integer> countSignal;
  final BackgroundTasks tasks;
  private final ReactiveContext context;
  private final Transactional transaction = new Transactional() {
    @Override
    public void begin() {
      if (count != countSignal.peek()) {
        count = countSignal.peek();
        throw new StateMutationException("Counter", "count");
      }
    }

    @Override
    public void commit() {
      countSignal.set(count);
    }

    @Override
    public void rollback() {
      count = countSignal.peek();
    }
  };

  Counter(ReactiveContext context) {
    this.context = context;
    this.countSignal = context.signal(0).named("Counter.count");
    this.tasks = new BackgroundTasks(context, "Counter");
  }

  /** What a generated action looks like. */
  void add(int delta) {
    LockGuard guard = context.enter();
    try {
      context.join(transaction);
      count += delta;
      if (count < 0) {
        throw new IllegalArgumentException("negative");
      }
    } catch (RuntimeException | Error e) {
      guard.markFailed();
      throw e;
    } finally {
      guard.close();
    }
  }

  @Override
  public ReactiveContext reactiveContext() {
    return context;
  }

  @Override
  public Transactional reactiveTransaction() {
    return transaction;
  }

  @Override
  public void close() {
    tasks.close(Duration.ofSeconds(5));
  }
}
