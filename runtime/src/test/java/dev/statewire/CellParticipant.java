package dev.statewire;

/**
 * A lock-session participant with one field and its signal, committed the way a generated class
 * commits; tests override {@link #commit()} to act during the commit.
 */
class CellParticipant implements Transactional {
  final Signal<Integer> signal;
  final ReactiveContext context;
  int value;
  /** Thrown by {@link #rollback()} after it restored the field, if set. */
  RuntimeException failRollback;

  CellParticipant(ReactiveContext context, String name) {
    this.context = context;
    this.signal = context.signal(0).named(name);
  }

  @Override
  public void commit() {
    if (value != signal.peek()) {
      context.commitWrite(signal, value);
    }
  }

  @Override
  public void rollback() {
    value = signal.peek();
    if (failRollback != null) {
      throw failRollback;
    }
  }

  @Override
  public Object savepoint() {
    return value;
  }

  @Override
  public void restore(Object savepoint) {
    value = (Integer) savepoint;
  }
}
