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
 *
 * <p>A slot of the signal array is written only when it names another signal than last time
 * (under G1 each reference store into a long-lived object costs a card check with a fence): the
 * first {@link #KEPT} slots keep their signal after a session for that; slots beyond are cleared.
 */
final class CommitWrites implements TransactionHook.Writes {
  /** How many signal slots keep their signal between sessions. */
  private static final int KEPT = 8;

  private SourceSignal<?>[] signals = new SourceSignal<?>[KEPT];
  private Object[] values = new Object[KEPT];
  /** The values for primitive signals (their slot in {@code values} stays null). */
  private long[] bits = new long[KEPT];
  private int size;

  void add(Signal<?> signal, Object value) {
    int slot = slotFor(signal); // before the store: it may grow the arrays
    values[slot] = value;
    size++;
  }

  /** Hands over the bits a primitive signal is to take, without boxing. */
  void addBits(PrimitiveSignal<?> signal, long value) {
    int slot = slotFor(signal);
    bits[slot] = value;
    size++;
  }

  private int slotFor(SourceSignal<?> signal) {
    if (size == signals.length) {
      signals = Arrays.copyOf(signals, size * 2);
      values = Arrays.copyOf(values, size * 2);
      bits = Arrays.copyOf(bits, size * 2);
    }
    if (signals[size] != signal) {
      signals[size] = signal;
    }
    return size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public SourceSignal<?> signal(int index) {
    return signals[checkIndex(index)];
  }

  @Override
  public Object value(int index) {
    int i = checkIndex(index);
    return signals[i].committedValue(values[i], bits[i]);
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
      ctx.spy.committing(this);
    }
    ctx.globalVersion++;
    int n = size;
    size = 0;
    for (int i = 0; i < n; i++) {
      Object value = values[i];
      values[i] = null;
      signals[i].publish(value, bits[i]);
    }
    forgetBeyondKept(n);
  }

  /** Forgets every write handed over: a participant failed, so none is published. */
  void discard() {
    int n = size;
    size = 0;
    for (int i = 0; i < n; i++) {
      values[i] = null;
    }
    forgetBeyondKept(n);
  }

  private void forgetBeyondKept(int n) {
    for (int i = KEPT; i < n; i++) {
      signals[i] = null;
    }
  }
}
