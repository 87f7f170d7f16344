package dev.statewire.it;

import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Primitive fields of every kind the generated class keeps unboxed ({@code double}, {@code
 * long}, {@code boolean}, {@code int}) and one it keeps in a {@code Signal} ({@code float}).
 */
@Reactive
public class Gauge {
  double level;
  float ratio;
  long total;
  boolean on;

  /** What the effect saw, for the tests (final: not state). */
  final List<String> seen = new CopyOnWriteArrayList<>();

  public void setLevel(double level) {
    this.level = level;
  }

  public void setRatio(float ratio) {
    this.ratio = ratio;
  }

  public void add(long amount) {
    total += amount;
  }

  public void toggle() {
    on = !on;
  }

  public double getLevel() {
    return level;
  }

  public long getTotal() {
    return total;
  }

  public boolean isOn() {
    return on;
  }

  @Effect
  void record() {
    seen.add(level + " " + ratio + " " + total + " " + on);
  }
}
