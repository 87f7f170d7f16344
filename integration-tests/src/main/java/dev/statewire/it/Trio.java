package dev.statewire.it;

import dev.statewire.annotation.Reactive;

/**
 * Three fields written together, the middle one a {@link Touchy} whose {@code equals} may throw:
 * for tests of transactions (all-or-nothing commits, rollback, nested actions).
 */
@Reactive
public class Trio {
  int first;
  Touchy middle = Touchy.calm(0);
  int last;

  public void setAll(int first, Touchy middle, int last) {
    this.first = first;
    this.middle = middle;
    this.last = last;
  }

  public void setFirst(int first) {
    this.first = first;
  }

  public void setLast(int last) {
    this.last = last;
  }

  /** Writes {@code last}, then fails: an action that throws after a write. */
  public void setLastThenFail(int last) {
    this.last = last;
    throw new IllegalStateException("refused " + last);
  }

  /** Writes {@code first}, then calls a failing action and carries on when it throws. */
  public void setFirstDespiteFailedLast(int first, int last) {
    this.first = first;
    try {
      setLastThenFail(last);
    } catch (IllegalStateException expected) {
      // the nested action failed; this one goes on
    }
  }

  public int getFirst() {
    return first;
  }

  public Touchy getMiddle() {
    return middle;
  }

  public int getLast() {
    return last;
  }

  /** A tracked read of every field, as one string: {@code "first/middle/last"}. */
  public String state() {
    return first + "/" + middle.value() + "/" + last;
  }
}
