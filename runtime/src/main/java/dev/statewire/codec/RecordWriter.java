package dev.statewire.codec;

/**
 * Writes the members of one JSON object, for the encoding half of {@link StateCodecs#record}:
 * {@code (point, out) -> out.put("x", StateCodecs.INT, point.x())}. Put each name once.
 */
public final class RecordWriter {
  private final StringBuilder out;
  private boolean first = true;

  RecordWriter(StringBuilder out) {
    this.out = out;
  }

  /**
   * Writes member {@code name}.
   *
   * @param name the member's name (for a record, the component's)
   * @param codec encodes the member's value
   * @param value the value
   * @param <V> the member's type
   * @return this writer, for the next member
   * @throws CodecException if {@code codec} cannot encode {@code value}
   */
  public <V> RecordWriter put(String name, StateCodec<V> codec, V value) {
    if (!first) {
      out.append(',');
    }
    first = false;
    JsonWriter.string(out, name);
    out.append(':');
    JsonCodec.of(codec).write(value, out);
    return this;
  }
}
