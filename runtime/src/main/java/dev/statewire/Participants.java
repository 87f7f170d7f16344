package dev.statewire;

import java.util.Arrays;

/**
 * The participants of a context's lock session ({@link ReactiveContext#join}), in joining order,
 * and, while they commit or roll back at the end of the session, those being finished. Both
 * live in one array: the finishing ones first, then those that joined meanwhile (user code in a
 * commit may start an action), which the next finish takes. Guarded by the context lock.
 *
 * <p>An array and two counts rather than two lists swapped at every finish: a session then
 * stores one reference (the participant that joins) and no list or iterator is made. Not even
 * that when the same participant joins as in the last session: the first {@link #KEPT} slots
 * keep their participant after a session, so that a hot object's session writes no reference
 * (under G1 each reference store into a long-lived object costs a card check with a fence).
 * Slots beyond are cleared.
 */
final class Participants {
  /** How many slots keep their participant between sessions. */
  private static final int KEPT = 4;

  private Transactional[] items = new Transactional[KEPT];
  /** Where the joined participants start; before it, those being finished. */
  private int start;
  private int end;

  /** Whether no participant joined that is not being finished. */
  boolean isEmpty() {
    return end == start;
  }

  /** How many joined (not counting those being finished). */
  int size() {
    return end - start;
  }

  /** The {@code i}-th that joined, not counting those being finished. */
  Transactional get(int i) {
    return items[start + i];
  }

  /** Whether {@code participant} joined and is not being finished. */
  boolean contains(Transactional participant) {
    for (int i = start; i < end; i++) {
      if (items[i] == participant) {
        return true;
      }
    }
    return false;
  }

  void add(Transactional participant) {
    if (end == items.length) {
      items = Arrays.copyOf(items, end * 2);
    }
    if (items[end] != participant) {
      items[end] = participant;
    }
    end++;
  }

  /** Removes the {@code i}-th that joined, not counting those being finished. */
  void remove(int i) {
    int at = start + i;
    System.arraycopy(items, at + 1, items, at, end - at - 1);
    items[--end] = null;
  }

  /**
   * Makes every joined participant one being finished; returns how many, reached with {@link
   * #finishing}. Those being finished before must have been {@linkplain #finished() let go}.
   */
  int beginFinishing() {
    start = end;
    return end;
  }

  /** The {@code i}-th being finished. */
  Transactional finishing(int i) {
    return items[i];
  }

  /** Lets go of those being finished; those that joined meanwhile stay. */
  void finished() {
    int done = start;
    int joined = end - done;
    if (joined > 0) {
      System.arraycopy(items, done, items, 0, joined);
    }
    for (int i = Math.max(joined, KEPT); i < end; i++) {
      items[i] = null;
    }
    start = 0;
    end = joined;
  }
}
