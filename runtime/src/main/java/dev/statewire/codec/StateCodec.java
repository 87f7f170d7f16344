package dev.statewire.codec;

/**
 * Turns a field's value into text and back, so that a store (for example
 * {@code statewire-redis}) can persist it and another JVM can read it. Never Java
 * serialization: the text is JSON, so bytes from the network are parsed, not executed.
 *
 * <p>The processor generates codecs for fields of primitive, boxed, {@code String}, enum and
 * record types and {@code List}/{@code Map}/{@code Set} of those, from {@link StateCodecs};
 * users supply one for any other type ({@code @Codec(MyCodec.class)} on the field). An
 * implementation must be thread-safe: generated classes share one instance.
 *
 * @param <T> the type of the values it encodes
 */
public interface StateCodec<T> {
  /**
   * {@return {@code value} as one JSON value (a number, string, boolean, {@code null}, array or
   * object)}
   *
   * @param value the value to encode
   * @throws CodecException if the value cannot be encoded (null where the codec allows none)
   */
  String encode(T value);

  /**
   * {@return the value {@code encoded} stands for}
   *
   * @param encoded text {@link #encode} returned
   * @throws CodecException if {@code encoded} is not what {@link #encode} produces
   */
  T decode(String encoded);
}
