package dev.statewire;

import dev.statewire.support.TransactionHook;
import java.util.Arrays;
import java.util.Objects;

/**
 * The signal writes the participants of a lock session hand over while they commit ({@link
 * ReactiveContext#commitWrite}). Nothing is published while any participant may still fail:
 * once all of them committed, {@link #publish} stores every value and marks what depends on it
 * in one step that cannot fail midway, so other threads see either none of the session's
 * changes or all of them. Guarded by the context lock.
 */
final class CommitWrites implements TransactionHook.Writes {
  private Signal<?>[] signals = new Signal<?>[8];
  private Object[] values = new Object[8];
  private int size;

  void add(Signal<?> signal, Object value) {
    if (size == signals.length) {
      signals = Arrays.copyOf(signals, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    signals[size] = signal;
    values[size] = value;
    size++;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Signal<?> signal(int index) {
    return signals[checkIndex(index)];
  }

  @Override
  public Object value(int index) {
    return values[checkIndex(index)];
  }

  private int checkIndex(int index) {
    return Objects.checkIndex(index, size);
  }

  /** Publishes every write handed over, then forgets them. */
  void publish(ReactiveContext ctx) {
    if (size == 0) {
      return;
    }
    if (ctx.spy != null) {
      ctx.spy.committing(signals, values, size);
    }
    ctx.globalVersion++;
    for (int i = 0; i < size; i++) {
      Signal<?> signal = signals[i];
      Object value = values[i];
      signals[i] = null;
      values[i] = null;
      signal.publish(value);
    }
    size = 0;
  }

  /** Forgets every write handed over: a participant failed, so none is published. */
  void discard() {
    for (int i = 0; i < size; i++) {
      signals[i] = null;
      values[i] = null;
    }
    size = 0;
  }
}
