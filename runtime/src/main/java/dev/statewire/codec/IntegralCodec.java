package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonNumber;
import java.util.function.LongFunction;

/**
 * {@code byte}, {@code short}, {@code int} and {@code long}: a JSON number without fraction or
 * exponent, within the type's range. Never null.
 *
 * @param <T> the boxed type
 */
final class IntegralCodec<T extends Number> extends JsonCodec<T> {
  private final String expected;
  private final long min;
  private final long max;
  private final LongFunction<T> box;

  IntegralCodec(String type, long min, long max, LongFunction<T> box) {
    this.expected = "a whole number from " + min + " to " + max + " (" + type + ")";
    this.min = min;
    this.max = max;
    this.box = box;
  }

  @Override
  String expected() {
    return expected;
  }

  @Override
  void write(T value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    out.append(value.longValue());
  }

  @Override
  T read(JsonValue json) {
    if (!(json instanceof JsonNumber number)) {
      throw mismatch(json);
    }
    String text = number.text();
    if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      throw mismatch(json);
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException outOfRange) {
      throw mismatch(json);
    }
    if (value < min || value > max) {
      throw mismatch(json);
    }
    return box.apply(value);
  }
}
