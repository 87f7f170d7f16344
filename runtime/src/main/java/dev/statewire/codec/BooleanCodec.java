package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonBoolean;

/** {@code boolean}: {@code true} or {@code false}. Never null. */
final class BooleanCodec extends JsonCodec<Boolean> {
  @Override
  String expected() {
    return "true or false (boolean)";
  }

  @Override
  void write(Boolean value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    out.append(value.booleanValue());
  }

  @Override
  Boolean read(JsonValue json) {
    if (!(json instanceof JsonBoolean b)) {
      throw mismatch(json);
    }
    return b.value();
  }
}
