package dev.statewire.codec;

import java.util.Objects;

/**
 * The codecs of {@link StateCodecs}: each writes its values into one shared buffer and reads them
 * from one parsed tree, so that a list of records is parsed once and written in one pass, not
 * re-parsed at every level. A codec from elsewhere joins in through {@link ForeignCodec}.
 *
 * @param <T> the type of the values it encodes
 */
abstract class JsonCodec<T> implements StateCodec<T> {

  /** {@return what a value of this codec looks like, for messages: "an int", "an array"} */
  abstract String expected();

  /**
   * Appends {@code value} as JSON.
   *
   * @throws CodecException if the value cannot be encoded (null for a primitive)
   */
  abstract void write(T value, StringBuilder out);

  /**
   * {@return the value {@code json} stands for}
   *
   * @throws DecodeMismatch if it is not one this codec writes
   */
  abstract T read(JsonValue json);

  @Override
  public final String encode(T value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  @Override
  public final T decode(String encoded) {
    JsonValue json = JsonParser.parse(encoded);
    try {
      return read(json);
    } catch (DecodeMismatch mismatch) {
      throw mismatch.toCodecException();
    }
  }

  /** {@return a mismatch: this codec expected something other than {@code found}} */
  final DecodeMismatch mismatch(JsonValue found) {
    return new DecodeMismatch(expected(), found.describe());
  }

  /** {@return the failure to encode null with a codec that does not allow it} */
  final CodecException nullValue() {
    return new CodecException("cannot encode null: expected " + expected());
  }

  /** {@return {@code codec} as a codec of this package} */
  static <T> JsonCodec<T> of(StateCodec<T> codec) {
    Objects.requireNonNull(codec, "codec");
    return codec instanceof JsonCodec<T> json ? json : new ForeignCodec<>(codec);
  }

  /**
   * {@return {@code json} read by {@code codec}; a mismatch inside it is placed at {@code step}}
   */
  static <T> T readAt(JsonCodec<T> codec, JsonValue json, String step) {
    try {
      return codec.read(json);
    } catch (DecodeMismatch mismatch) {
      throw mismatch.at(step);
    }
  }

  /** Appends {@code values} as a JSON array, each written by {@code codec}. */
  static <E> void writeArray(Iterable<E> values, JsonCodec<E> codec, StringBuilder out) {
    out.append('[');
    boolean first = true;
    for (E value : values) {
      if (!first) {
        out.append(',');
      }
      first = false;
      codec.write(value, out);
    }
    out.append(']');
  }

  /** {@return the path step of member {@code name}: {@code .name}, or {@code ["a b"]}} */
  static String memberStep(String name) {
    boolean plain = !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0));
    for (int i = 1; plain && i < name.length(); i++) {
      plain = Character.isJavaIdentifierPart(name.charAt(i));
    }
    if (plain) {
      return "." + name;
    }
    StringBuilder step = new StringBuilder("[");
    JsonWriter.string(step, Excerpts.shortened(name));
    return step.append(']').toString();
  }
}
