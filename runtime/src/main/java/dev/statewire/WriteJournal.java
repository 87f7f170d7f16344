package dev.statewire;

import java.util.Arrays;

/**
 * The signals written inside the current lock session of a context (a batch, a lock block, an
 * effect), each with the value and version it had before that write. Guarded by the lock.
 *
 * <p>It lets a write that restores the earlier value restore the earlier version too, as long as
 * no tracking run has read the signal in between (reading it clears {@link Node#JOURNALED}). A
 * batch that changes a value and changes it back then changes nothing: computeds that read it do
 * not re-run and effects do not run. A signal's entry index is kept in its flags above {@link
 * Node#JOURNAL_INDEX_SHIFT}; when the index space is full, further signals are not journaled and
 * simply count as changed.
 */
final class WriteJournal {
  private static final int CAPACITY = 1 << (32 - Node.JOURNAL_INDEX_SHIFT - 1);

  private SourceSignal<?>[] signals = new SourceSignal<?>[8];
  private Object[] values = new Object[8];
  private long[] bits = new long[8];
  private int[] versions = new int[8];
  private int size;

  /**
   * Records {@code signal}'s value ({@code value} for a {@link Signal}, {@code bits} for a {@link
   * PrimitiveSignal}) and version before a write; false if the journal is full.
   */
  boolean record(SourceSignal<?> signal, Object value, long valueBits, int version) {
    if (size == CAPACITY) {
      return false;
    }
    if (size == signals.length) {
      signals = Arrays.copyOf(signals, size * 2);
      values = Arrays.copyOf(values, size * 2);
      bits = Arrays.copyOf(bits, size * 2);
      versions = Arrays.copyOf(versions, size * 2);
    }
    signals[size] = signal;
    values[size] = value;
    bits[size] = valueBits;
    versions[size] = version;
    signal.flags = (signal.flags & ~Node.JOURNAL_INDEX_MASK) | Node.JOURNALED
        | (size << Node.JOURNAL_INDEX_SHIFT);
    size++;
    return true;
  }

  /** The value {@code signal} had before the write that journaled it (JOURNALED must be set). */
  Object valueBefore(SourceSignal<?> signal) {
    return values[signal.flags >>> Node.JOURNAL_INDEX_SHIFT];
  }

  /** The bits a primitive {@code signal} had before the write that journaled it. */
  long bitsBefore(SourceSignal<?> signal) {
    return bits[signal.flags >>> Node.JOURNAL_INDEX_SHIFT];
  }

  /** The version {@code signal} had before the write that journaled it (JOURNALED must be set). */
  int versionBefore(SourceSignal<?> signal) {
    return versions[signal.flags >>> Node.JOURNAL_INDEX_SHIFT];
  }

  /** Ends the session: forgets every entry. */
  void clear() {
    if (size == 0) {
      return;
    }
    for (int i = 0; i < size; i++) {
      signals[i].flags &= ~(Node.JOURNALED | Node.JOURNAL_INDEX_MASK);
      signals[i] = null;
      values[i] = null;
    }
    size = 0;
  }
}
