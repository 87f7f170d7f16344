package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link List}: a JSON array of its elements, in order. Decoding gives a fresh, unmodifiable list
 * (it may hold nulls, if the element codec allows them). Never null itself.
 *
 * @param <E> the element type
 */
final class ListCodec<E> extends JsonCodec<List<E>> {
  private final JsonCodec<E> elements;

  ListCodec(JsonCodec<E> elements) {
    this.elements = elements;
  }

  @Override
  String expected() {
    return "an array (a List)";
  }

  @Override
  void write(List<E> value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    writeArray(value, elements, out);
  }

  @Override
  List<E> read(JsonValue json) {
    if (!(json instanceof JsonArray array)) {
      throw mismatch(json);
    }
    List<E> list = new ArrayList<>(array.elements().size());
    for (int i = 0; i < array.elements().size(); i++) {
      list.add(readAt(elements, array.elements().get(i), "[" + i + "]"));
    }
    return Collections.unmodifiableList(list);
  }
}
