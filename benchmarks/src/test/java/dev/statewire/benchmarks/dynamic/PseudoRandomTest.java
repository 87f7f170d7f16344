package dev.statewire.benchmarks.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PseudoRandomTest {

  @Test
  void theFirstOutputsAreThoseOfTheJavaScriptGenerator() {
    PseudoRandom random = new PseudoRandom("seed");
    double[] expected = {
      0.8370377509854734, 0.35816134908236563, 0.12195610790513456, 0.486986321862787,
      0.28508814005181193
    };
    for (double value : expected) {
      assertEquals(value, random.next());
    }
  }
}
