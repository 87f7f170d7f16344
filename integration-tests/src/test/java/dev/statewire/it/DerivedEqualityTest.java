package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.Effect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @Derived(equality = ...)} on a real generated class, {@link Headline}. */
class DerivedEqualityTest {
  @Test
  void aStaticBiPredicateFieldDecidesWhenTheValueIsUnchanged() {
    ReactiveHeadline headline = new ReactiveHeadline();
    headline.setText("hello");
    List<String> titles = new ArrayList<>();
    Effect effect = Effect.of(() -> titles.add(headline.title()));
    headline.setText("HELLO ");
    assertEquals(List.of("hello"), titles, "equal ignoring case: the effect does not re-run");
    assertEquals("hello", headline.title(), "and the cached value stays the first one");
    headline.setText("bye");
    assertEquals(List.of("hello", "bye"), titles);
    effect.close();
  }

  @Test
  void aStaticBooleanMethodDecidesWhenTheValueIsUnchanged() {
    ReactiveHeadline headline = new ReactiveHeadline();
    List<Integer> seen = new ArrayList<>();
    Effect effect = Effect.of(() -> seen.add(headline.tens()));
    headline.setCount(7);
    headline.setCount(12);
    headline.setCount(19);
    assertEquals(List.of(0, 12), seen, "only a change of tens counts");
    effect.close();
  }
}
