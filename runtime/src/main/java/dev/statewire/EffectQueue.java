package dev.statewire;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The effects waiting to run in one context, handed out one round at a time in creation order.
 *
 * <p>Propagation reaches effects in graph order, not creation order, so the queue never sorts a
 * list: it places each effect at its id's offset in a window of slots ({@code window[id -
 * base]}), and a round is the window read from its lowest to its highest used slot. Effect ids
 * are dense (one per effect created in the context), so the window stays about as long as the
 * id range the round covers. A round whose ids are spread far wider than its size (a few effects
 * of very different ages) would need a long window: it goes to a plain list instead, which is
 * sorted when the round is taken.
 */
final class EffectQueue {
  private static final int INITIAL_WINDOW = 64;
  /** The window may be this many slots longer than 4 × the queued effects, never more. */
  private static final int WINDOW_SLACK = 1024;
  private static final Comparator<Effect> BY_ID = Comparator.comparingLong(e -> e.id);

  /** {@code window[i]} is the queued effect whose id is {@code base + i}, or null. */
  private Effect[] window = new Effect[INITIAL_WINDOW];
  private long base;
  /** The lowest and the highest used offset in the window; {@code low > high} when none. */
  private int low = Integer.MAX_VALUE;
  private int high = -1;
  private int size;
  /**
   * Null while the queued effects fit the window; else all of them, in the order queued, and
   * the window is empty.
   */
  private Effect[] spread;
  /** The effects of the round taken last, in creation order; reused for the next round. */
  private Effect[] round = new Effect[16];

  boolean isEmpty() {
    return size == 0;
  }

  void add(Effect effect) {
    if (spread != null) {
      addSpread(effect);
      return;
    }
    long id = effect.id;
    if (size == 0) {
      base = id - (window.length >> 2); // room on both sides: graph order is not id order
    }
    long offset = id - base;
    if (offset < 0 || offset >= window.length) {
      if (!makeRoom(id)) {
        addSpread(effect);
        return;
      }
      offset = id - base;
    }
    int i = (int) offset;
    window[i] = effect;
    if (i < low) {
      low = i;
    }
    if (i > high) {
      high = i;
    }
    size++;
  }

  /**
   * Re-bases or widens the window so that it covers {@code id}; false, with the window emptied
   * into {@link #spread}, if the ids queued are spread too far apart for a window.
   */
  private boolean makeRoom(long id) {
    long first = Math.min(base + low, id);
    long last = Math.max(base + high, id);
    long span = last - first + 1;
    if (span > 4L * (size + 1) + WINDOW_SLACK) {
      moveToSpread();
      return false;
    }
    int length = window.length;
    while (length < span + (span >> 1)) {
      length <<= 1;
    }
    // centre the used ids in the new window, so that growth in either direction finds room
    long newBase = first - (length - span) / 2;
    Effect[] moved = length == window.length ? window : new Effect[length];
    int shift = (int) (base - newBase);
    if (moved == window) {
      System.arraycopy(window, low, window, low + shift, high - low + 1);
      if (shift > 0) {
        Arrays.fill(window, low, Math.min(low + shift, high + 1), null);
      } else {
        Arrays.fill(window, Math.max(high + shift + 1, low), high + 1, null);
      }
    } else {
      System.arraycopy(window, low, moved, low + shift, high - low + 1);
    }
    window = moved;
    base = newBase;
    low += shift;
    high += shift;
    return true;
  }

  /** Moves the window's effects into {@link #spread}, in id order. */
  private void moveToSpread() {
    Effect[] list = new Effect[Math.max(16, size * 2)];
    int n = 0;
    for (int i = low; i <= high; i++) {
      Effect e = window[i];
      if (e != null) {
        list[n++] = e;
        window[i] = null;
      }
    }
    low = Integer.MAX_VALUE;
    high = -1;
    spread = list;
  }

  private void addSpread(Effect effect) {
    int n = size;
    if (n == spread.length) {
      spread = Arrays.copyOf(spread, n * 2);
    }
    spread[n] = effect;
    size = n + 1;
  }

  /**
   * Takes every queued effect as one round, sorted by creation, into {@link #round()}; returns
   * how many. Effects queued while the round runs go to the next one. The caller clears each
   * entry of the round as it runs it.
   */
  int takeRound() {
    int n = size;
    if (round.length < n) {
      round = new Effect[Math.max(n, round.length * 2)];
    }
    Effect[] r = round;
    if (spread != null) {
      Effect[] list = spread;
      Arrays.sort(list, 0, n, BY_ID);
      System.arraycopy(list, 0, r, 0, n);
      spread = null;
    } else {
      Effect[] w = window;
      int k = 0;
      for (int i = low, last = high; i <= last; i++) {
        Effect e = w[i];
        if (e != null) {
          r[k++] = e;
          w[i] = null;
        }
      }
      low = Integer.MAX_VALUE;
      high = -1;
    }
    size = 0;
    return n;
  }

  /** The array filled by the last {@link #takeRound()}. */
  Effect[] round() {
    return round;
  }

  /** Empties the queue without running anything (after a runaway); returns what was queued. */
  Effect[] clear() {
    int n = takeRound();
    Effect[] dropped = Arrays.copyOf(round, n);
    Arrays.fill(round, 0, n, null);
    return dropped;
  }
}
