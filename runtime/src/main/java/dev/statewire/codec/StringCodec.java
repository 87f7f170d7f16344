package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonString;

/** {@link String}: a JSON string. Null is {@link NullableCodec}'s business. */
final class StringCodec extends JsonCodec<String> {
  @Override
  String expected() {
    return "a string";
  }

  @Override
  void write(String value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    JsonWriter.string(out, value);
  }

  @Override
  String read(JsonValue json) {
    if (!(json instanceof JsonString s)) {
      throw mismatch(json);
    }
    return s.value();
  }
}
