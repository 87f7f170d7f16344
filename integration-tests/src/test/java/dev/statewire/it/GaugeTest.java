package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Primitive fields: a commit changes what it changed by the field's own comparison. */
class GaugeTest {
  private final ReactiveContext context = ReactiveContext.create();

  @Test
  void nanOverNanIsNoChangeAndNegativeZeroIsOneForDoubleAndFloatFields() {
    ReactiveGauge gauge = new ReactiveGauge(context);
    gauge.setLevel(Double.NaN);
    gauge.setLevel(0.0 / 0.0);
    gauge.setLevel(-0.0);
    gauge.setLevel(-0.0);
    gauge.setLevel(0.0);
    gauge.setRatio(Float.NaN);
    gauge.setRatio(Float.NaN);
    gauge.setRatio(-0.0f);
    assertEquals(List.of("0.0 0.0 0 false", "NaN 0.0 0 false", "-0.0 0.0 0 false",
        "0.0 0.0 0 false", "0.0 NaN 0 false", "0.0 -0.0 0 false"), gauge.seen);
  }

  @Test
  void longAndBooleanFieldsCommitAndAFailedLockBlockRollsThemBack() {
    ReactiveGauge gauge = new ReactiveGauge(context);
    gauge.add(5_000_000_000L);
    gauge.toggle();
    assertThrows(IllegalStateException.class, () -> Statewire.lock(gauge, () -> {
      gauge.add(1);
      gauge.toggle();
      gauge.setLevel(2.5);
      throw new IllegalStateException("abandoned");
    }));
    Statewire.lock(gauge, () -> {
      assertEquals(5_000_000_000L, gauge.getTotal());
      assertEquals(true, gauge.isOn());
      assertEquals(0.0, gauge.getLevel());
    });
    assertEquals(List.of("0.0 0.0 0 false", "0.0 0.0 5000000000 false",
        "0.0 0.0 5000000000 true"), gauge.seen);
  }
}
