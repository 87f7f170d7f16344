package com.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTest {
  @Test
  void theGeneratedClassTracksTheField() {
    Counter counter = Counter.create();
    counter.increment();
    counter.increment();

    assertEquals(2, counter.getCount());
    assertEquals(4, counter.doubled());
    assertEquals(List.of(0, 1, 2), counter.printed);
  }
}
