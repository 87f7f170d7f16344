package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonArray;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@link Set}: a JSON array of its elements, in the set's iteration order. Decoding gives a
 * fresh, unmodifiable set that keeps that order, and refuses an array with two equal elements.
 * Never null itself.
 *
 * @param <E> the element type
 */
final class SetCodec<E> extends JsonCodec<Set<E>> {
  private final JsonCodec<E> elements;

  SetCodec(JsonCodec<E> elements) {
    this.elements = elements;
  }

  @Override
  String expected() {
    return "an array of distinct elements (a Set)";
  }

  @Override
  void write(Set<E> value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    writeArray(value, elements, out);
  }

  @Override
  Set<E> read(JsonValue json) {
    if (!(json instanceof JsonArray array)) {
      throw mismatch(json);
    }
    Set<E> set = new LinkedHashSet<>();
    for (int i = 0; i < array.elements().size(); i++) {
      String step = "[" + i + "]";
      if (!set.add(readAt(elements, array.elements().get(i), step))) {
        throw new DecodeMismatch("an element not in the set yet", "a repeated element").at(step);
      }
    }
    return Collections.unmodifiableSet(set);
  }
}
