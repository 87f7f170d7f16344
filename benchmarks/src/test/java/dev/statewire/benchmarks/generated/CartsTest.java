package dev.statewire.benchmarks.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.ReactiveContext;
import org.junit.jupiter.api.Test;

/** The three carts of GeneratedClassBench do the same work. */
class CartsTest {
  @Test
  void allThreeCartsComputeAndReportTheSame() {
    ReactiveContext context = ReactiveContext.create();
    ReactiveCart generated = new ReactiveCart(context);
    HandWrittenCart handWritten = new HandWrittenCart(context);
    PlainCart plain = new PlainCart();
    for (int i = 0; i < 5; i++) {
      generated.add();
      handWritten.add();
      plain.add();
    }
    assertEquals(50, generated.total());
    assertEquals(50, handWritten.total());
    assertEquals(50, plain.total());
    long expectedReports = 10 + 20 + 30 + 40 + 50;
    assertEquals(expectedReports, generated.reported[0], "the effect ran once per add");
    assertEquals(expectedReports, handWritten.reported);
    assertEquals(expectedReports, plain.reported);
    generated.close();
    handWritten.close();
  }
}
