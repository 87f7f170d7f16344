package dev.statewire;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The effects waiting to run in one context, handed out one round at a time in creation order.
 *
 * <p>Propagation reaches effects in graph order, not creation order. Instead of sorting them, the
 * queue places each effect at its id's offset in a window of slots ({@code window[id - base]}),
 * and a round is the window read from its lowest to its highest used slot. Effect ids
 * are dense (one per effect created in the context), so the window stays about as long as the
 * id range the round covers. A round whose ids are spread far wider than its size (a few effects
 * of very different ages) would need a long window: it goes to a plain list instead, which is
 * sorted when the round is taken. "Its size" is not known while the round fills (propagation
 * can reach the oldest and the newest effect first), so the window may be as long as the
 * recent rounds were large.
 *
 * <p>A round of one effect, the most common round, skips the window: the effect is kept in
 * {@link #sole}, and the context runs it from there ({@link #takeSole()}).
 */
final class EffectQueue {
  private static final int INITIAL_WINDOW = 64;
  /**
   * The window may be this many slots longer than 4 × the larger of the effects queued and
   * {@link #recentRoundSize}, never more.
   */
  private static final int WINDOW_SLACK = 1024;
  /**
   * From this {@link #recentRoundSize} up, the next round's window is a new array, not the spare:
   * a newly allocated array is in the young generation, where G1 stores a reference without the
   * card-marking barrier (a memory fence for each effect queued into an old array). A large
   * round's effects cost far more that way than the allocation does.
   */
  private static final int NEW_WINDOW_ROUND_SIZE = 256;
  private static final Comparator<Effect> BY_ID = Comparator.comparingLong(Effect::id);

  /** {@code window[i]} is the queued effect whose id is {@code base + i}, or null. */
  private Effect[] window = new Effect[INITIAL_WINDOW];
  private long base;
  /** The lowest and the highest used offset in the window; {@code low > high} when none. */
  private int low = Integer.MAX_VALUE;
  private int high = -1;
  private int size;
  /** The size of the largest recent round; it decays by an eighth each smaller round. */
  private int recentRoundSize;
  /**
   * Null while the queued effects fit the window; else all of them, in the order queued, and
   * the window is empty.
   */
  private Effect[] spread;
  /** The round taken last (see {@link #takeRound()}); a window or a sorted list. */
  private Effect[] round = new Effect[0];
  private int roundStart;
  private int roundEnd;
  /** The next round's window: the last round's window, which that round clears as it runs. */
  private Effect[] spare = new Effect[INITIAL_WINDOW];
  /**
   * The effect queued alone, while {@link #soleQueued}; afterwards kept until another one is
   * queued alone or it closes ({@link #forget}), so that queueing the same effect alone again
   * stores no reference (under G1 a reference store into a long-lived object costs a card check
   * with a fence).
   */
  private Effect sole;
  /** Whether {@link #sole} is the one effect queued; the window is then empty. */
  private boolean soleQueued;

  boolean isEmpty() {
    return size == 0;
  }

  void add(Effect effect) {
    if (size == 0) {
      if (sole != effect) {
        sole = effect;
      }
      soleQueued = true;
      size = 1;
      return;
    }
    if (soleQueued) {
      placeSole();
    }
    if (spread != null) {
      addSpread(effect);
      return;
    }
    long id = effect.id();
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

  /** Moves the effect queued alone into the empty window: a second one comes, or a round. */
  private void placeSole() {
    soleQueued = false;
    int first = window.length >> 2; // room on both sides: graph order is not id order
    base = sole.id() - first;
    window[first] = sole;
    low = first;
    high = first;
  }

  /**
   * If one effect is queued alone, takes it as the round and returns it; else returns null and
   * takes nothing ({@link #takeRound()} then takes the round).
   */
  Effect takeSole() {
    if (!soleQueued) {
      return null;
    }
    soleQueued = false;
    size = 0;
    recentRoundSize = Math.max(1, recentRoundSize - (recentRoundSize >> 3));
    return sole;
  }

  /**
   * {@code effect} closed: the queue lets go of it if it is kept as {@link #sole}, queued or not
   * (a closed effect's run does nothing).
   */
  void forget(Effect effect) {
    if (sole == effect) {
      sole = null;
      if (soleQueued) {
        soleQueued = false;
        size = 0;
      }
    }
  }

  /**
   * Re-bases or widens the window so that it covers {@code id}; false, with the window emptied
   * into {@link #spread}, if the ids queued are spread too far apart for a window.
   */
  private boolean makeRoom(long id) {
    long first = Math.min(base + low, id);
    long last = Math.max(base + high, id);
    long span = last - first + 1;
    if (span > 4L * (Math.max(size, recentRoundSize) + 1) + WINDOW_SLACK) {
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
   * Takes every queued effect as one round: {@link #round()} from {@link #roundStart()} to
   * {@link #roundEnd()} holds them in creation order, with null between them. Effects queued
   * while the round runs go to the next one. The caller clears each entry of the round as it
   * runs it.
   */
  void takeRound() {
    if (soleQueued) {
      placeSole();
    }
    recentRoundSize = Math.max(size, recentRoundSize - (recentRoundSize >> 3));
    if (roundStart < roundEnd) {
      Arrays.fill(round, roundStart, roundEnd, null); // left by a round not run to its end
    }
    if (spread != null) {
      Arrays.sort(spread, 0, size, BY_ID);
      round = spread;
      roundStart = 0;
      roundEnd = size;
      spread = null;
    } else {
      Effect[] taken = window;
      roundStart = Math.min(low, high + 1);
      roundEnd = high + 1;
      window = spare.length >= taken.length && recentRoundSize < NEW_WINDOW_ROUND_SIZE
          ? spare : new Effect[taken.length];
      spare = taken;
      round = taken;
      low = Integer.MAX_VALUE;
      high = -1;
    }
    size = 0;
  }

  /** The array filled by the last {@link #takeRound()}. */
  Effect[] round() {
    return round;
  }

  /** Where the last round starts in {@link #round()}. */
  int roundStart() {
    return roundStart;
  }

  /** Where the last round ends in {@link #round()} (exclusive). */
  int roundEnd() {
    return roundEnd;
  }

  /** The caller ran the whole round, clearing every entry: nothing is left to clear. */
  void roundFinished() {
    roundStart = 0;
    roundEnd = 0;
  }

  /** Takes every queued effect, in creation order, as an array of its own. */
  Effect[] takeAll() {
    takeRound();
    Effect[] r = round;
    Effect[] taken = new Effect[roundEnd - roundStart];
    int n = 0;
    for (int i = roundStart; i < roundEnd; i++) {
      if (r[i] != null) {
        taken[n++] = r[i];
        r[i] = null;
      }
    }
    roundFinished();
    return n == taken.length ? taken : Arrays.copyOf(taken, n);
  }

  /** Empties the queue without running anything (after a runaway); returns what was queued. */
  Effect[] clear() {
    return takeAll();
  }
}
