package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonNull;

/**
 * A codec that also accepts null, as JSON {@code null}: every codec of {@link StateCodecs} for a
 * reference type is one (boxed values, strings, enums, records, collections).
 *
 * @param <T> the type of the values
 */
final class NullableCodec<T> extends JsonCodec<T> {
  private final JsonCodec<T> values;

  private NullableCodec(JsonCodec<T> values) {
    this.values = values;
  }

  /** {@return {@code values}, accepting null as well} */
  static <T> JsonCodec<T> of(JsonCodec<T> values) {
    return values instanceof NullableCodec<T> ? values : new NullableCodec<>(values);
  }

  /** {@return the codec of the values other than null} */
  JsonCodec<T> values() {
    return values;
  }

  @Override
  String expected() {
    return values.expected() + " or null";
  }

  @Override
  void write(T value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else {
      values.write(value, out);
    }
  }

  @Override
  T read(JsonValue json) {
    return json instanceof JsonNull ? null : values.read(json);
  }
}
