package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonString;

/** {@code char}: a string of one UTF-16 unit. Never null. */
final class CharCodec extends JsonCodec<Character> {
  @Override
  String expected() {
    return "a string of one character (char)";
  }

  @Override
  void write(Character value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    JsonWriter.string(out, String.valueOf(value.charValue()));
  }

  @Override
  Character read(JsonValue json) {
    if (!(json instanceof JsonString s) || s.value().length() != 1) {
      throw mismatch(json);
    }
    return s.value().charAt(0);
  }
}
