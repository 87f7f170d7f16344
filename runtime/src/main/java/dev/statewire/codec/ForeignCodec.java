package dev.statewire.codec;

/**
 * A {@link StateCodec} written by a user, inside one of {@link StateCodecs}' (a {@code List} of
 * values it encodes): its text is checked to be one JSON value before it is embedded, and its
 * failures become {@link CodecException}s that say where they happened.
 *
 * @param <T> the type of the values
 */
final class ForeignCodec<T> extends JsonCodec<T> {
  private final StateCodec<T> codec;

  ForeignCodec(StateCodec<T> codec) {
    this.codec = codec;
  }

  @Override
  String expected() {
    return "a value " + codec.getClass().getName() + " decodes";
  }

  @Override
  void write(T value, StringBuilder out) {
    String text;
    try {
      text = codec.encode(value);
    } catch (CodecException failure) {
      throw failure;
    } catch (RuntimeException failure) {
      throw new CodecException(codec.getClass().getName() + ".encode failed: " + failure, failure);
    }
    try {
      JsonParser.parse(text);
    } catch (CodecException malformed) {
      throw new CodecException(
          codec.getClass().getName()
              + ".encode returned text that is not one JSON value: "
              + malformed.getMessage(),
          malformed);
    }
    out.append(text.strip());
  }

  @Override
  T read(JsonValue json) {
    StringBuilder text = new StringBuilder();
    JsonWriter.value(text, json);
    try {
      return codec.decode(text.toString());
    } catch (RuntimeException refused) {
      throw new DecodeMismatch(
          expected(), json.describe() + ", which it refused: " + refused, refused);
    }
  }
}
