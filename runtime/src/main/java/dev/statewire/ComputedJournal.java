package dev.statewire;

import java.util.Arrays;

/**
 * The computed values evaluated while a lock session holds uncommitted writes of its
 * participants, each with the result and version it had before. Such an evaluation may have read
 * values that a rollback discards (a tracked read of a field written but not committed), so a
 * rollback, whole or to a {@link Savepoint}, gives each of them back its earlier result and makes
 * it compute again on its next read. Guarded by the context lock; cleared when the session ends.
 */
final class ComputedJournal {
  private Computed<?>[] nodes = new Computed<?>[8];
  private Object[] results = new Object[8];
  private long[] bits = new long[8];
  private int[] versions = new int[8];
  private int[] flags = new int[8];
  private int size;

  /**
   * Records what {@code node} held before it computes again: its result or exception, and a
   * {@link PrimitiveComputed}'s result bits.
   */
  void record(Computed<?> node, Object result, long resultBits, int version, int nodeFlags) {
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
      results = Arrays.copyOf(results, size * 2);
      bits = Arrays.copyOf(bits, size * 2);
      versions = Arrays.copyOf(versions, size * 2);
      flags = Arrays.copyOf(flags, size * 2);
    }
    nodes[size] = node;
    results[size] = result;
    bits[size] = resultBits;
    versions[size] = version;
    flags[size] = nodeFlags;
    size++;
  }

  /** How many evaluations are recorded; a savepoint keeps this mark. */
  int size() {
    return size;
  }

  /** Discards every evaluation recorded since {@code mark}, latest first. */
  void rollBackTo(int mark) {
    for (int i = size - 1; i >= mark; i--) {
      nodes[i].discardEvaluation(results[i], bits[i], versions[i], flags[i]);
      nodes[i] = null;
      results[i] = null;
    }
    size = Math.min(size, mark);
  }

  /** Ends the session: the evaluations stand. */
  void clear() {
    if (size == 0) {
      return;
    }
    Arrays.fill(nodes, 0, size, null);
    Arrays.fill(results, 0, size, null);
    size = 0;
  }
}
