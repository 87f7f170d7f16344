package dev.statewire;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The effects waiting to run in one context, handed out one round at a time in creation order.
 *
 * <p>Propagation reaches effects in graph order, not creation order. A round is sorted by effect
 * id only when it arrived out of order: by insertion for a few effects, by placing each at its id
 * offset when the ids are dense (the usual case, linear time), otherwise by a comparison sort.
 * Each effect's id is copied beside it when it is queued, so that sorting reads two arrays in
 * order instead of every effect object again.
 */
final class EffectQueue {
  private static final int INSERTION_SORT_LIMIT = 32;
  private static final Comparator<Effect> BY_ID = Comparator.comparingLong(e -> e.id);

  private Effect[] pending = new Effect[16];
  /** {@code pendingIds[i]} is {@code pending[i].id}. */
  private long[] pendingIds = new long[16];
  private int size;
  private boolean inOrder = true;
  /** The array of the round being run; reused for the next round's queue. */
  private Effect[] spare = new Effect[16];
  private long[] spareIds = new long[16];
  private Effect[] slots = new Effect[0];

  boolean isEmpty() {
    return size == 0;
  }

  void add(Effect effect) {
    int n = size;
    if (n == pending.length) {
      long[] ids = Arrays.copyOf(pendingIds, n * 2);
      pending = Arrays.copyOf(pending, n * 2);
      pendingIds = ids;
    }
    long id = effect.id;
    if (n > 0 && pendingIds[n - 1] > id) {
      inOrder = false;
    }
    pending[n] = effect;
    pendingIds[n] = id;
    size = n + 1;
  }

  /**
   * Takes every queued effect as one round, sorted by creation, into {@link #round()}; returns
   * how many. Effects queued while the round runs go to the next one. The caller clears each
   * entry of the round as it runs it.
   */
  int takeRound() {
    Effect[] round = pending;
    long[] ids = pendingIds;
    int n = size;
    if (!inOrder) {
      sort(round, ids, n);
    }
    pending = spare;
    pendingIds = spareIds;
    spare = round;
    spareIds = ids;
    size = 0;
    inOrder = true;
    return n;
  }

  /** The array filled by the last {@link #takeRound()}. */
  Effect[] round() {
    return spare;
  }

  /** Empties the queue without running anything (after a runaway); returns what was queued. */
  Effect[] clear() {
    Effect[] dropped = Arrays.copyOf(pending, size);
    Arrays.fill(pending, 0, size, null);
    size = 0;
    inOrder = true;
    return dropped;
  }

  /** Sorts {@code a[0..n)} by id; {@code ids} holds their ids (in no particular order after). */
  private void sort(Effect[] a, long[] ids, int n) {
    if (n <= INSERTION_SORT_LIMIT) {
      for (int i = 1; i < n; i++) {
        Effect e = a[i];
        long id = ids[i];
        int j = i - 1;
        while (j >= 0 && ids[j] > id) {
          a[j + 1] = a[j];
          ids[j + 1] = ids[j];
          j--;
        }
        a[j + 1] = e;
        ids[j + 1] = id;
      }
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long id = ids[i];
      min = Math.min(min, id);
      max = Math.max(max, id);
    }
    long span = max - min + 1;
    if (span > 4L * n + 1024) {
      Arrays.sort(a, 0, n, BY_ID);
      return;
    }
    if (slots.length < span) {
      slots = new Effect[(int) span];
    }
    Effect[] s = slots;
    for (int i = 0; i < n; i++) {
      s[(int) (ids[i] - min)] = a[i];
    }
    int k = 0;
    for (int i = 0; i < span; i++) {
      Effect e = s[i];
      if (e != null) {
        a[k++] = e;
        s[i] = null;
      }
    }
  }
}
