package dev.statewire.it;

import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A counter with a step: derived values, effects and actions of one class. */
@Reactive
public class Counter {
  int count;
  int step = 1;

  /** What the effects and derived values saw, for the tests (final: not state). */
  final List<Integer> countsLogged = new CopyOnWriteArrayList<>();
  final List<Integer> stepsLogged = new CopyOnWriteArrayList<>();
  final AtomicInteger doubledRuns = new AtomicInteger();
  final AtomicInteger parityRuns = new AtomicInteger();
  final AtomicInteger parityLabelRuns = new AtomicInteger();

  public Counter() {}

  public Counter(int start) {
    count = start;
  }

  public int getCount() {
    return count;
  }

  public int getStep() {
    return step;
  }

  @Derived
  public int doubled() {
    doubledRuns.incrementAndGet();
    return count * 2;
  }

  @Derived
  public boolean isEven() {
    parityRuns.incrementAndGet();
    return count % 2 == 0;
  }

  /** Depends on {@link #isEven()} only: recomputed only when the parity changes. */
  @Derived
  public String parityLabel() {
    parityLabelRuns.incrementAndGet();
    return isEven() ? "even" : "odd";
  }

  @Effect
  void logCount() {
    countsLogged.add(count);
  }

  @Effect
  void logStep() {
    stepsLogged.add(step);
  }

  public void increment() {
    count += step;
  }

  /** Two nested actions: one commit at the end of the outer one. */
  public void incrementTwice() {
    increment();
    increment();
  }

  public void setStep(int step) {
    this.step = step;
  }

  /** Writes, then fails: the write is rolled back. */
  public void addThenFail(int amount) {
    count += amount;
    throw new IllegalStateException("refused " + amount);
  }

  /** Read-your-writes: the derived value reflects the write made just before. */
  public int incrementAndGetDoubled() {
    increment();
    return doubled();
  }

  public List<Integer> countsLogged() {
    return countsLogged;
  }

  public List<Integer> stepsLogged() {
    return stepsLogged;
  }

  public int doubledRuns() {
    return doubledRuns.get();
  }

  public int parityRuns() {
    return parityRuns.get();
  }

  public int parityLabelRuns() {
    return parityLabelRuns.get();
  }
}
