package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the members of one JSON object, for the decoding half of {@link StateCodecs#record}: {@code
 * in -> new Point(in.get("x", StateCodecs.INT), in.get("y", StateCodecs.INT))}. A member that is
 * missing, that its codec refuses, or that nobody read (an unknown one) makes the decode fail with
 * a {@link CodecException} naming it.
 */
public final class RecordReader {
  private final JsonObject object;
  private final Set<String> read = new HashSet<>();

  RecordReader(JsonObject object) {
    this.object = object;
  }

  /**
   * {@return the value of member {@code name}}
   *
   * @param name the member's name (for a record, the component's)
   * @param codec decodes the member's value
   * @param <V> the member's type
   */
  public <V> V get(String name, StateCodec<V> codec) {
    JsonValue value = object.members().get(name);
    if (value == null) {
      throw new DecodeMismatch("a member \"" + Excerpts.shortened(name) + "\"", object.describe());
    }
    read.add(name);
    return JsonCodec.readAt(JsonCodec.of(codec), value, JsonCodec.memberStep(name));
  }

  /** Fails on a member that no {@link #get} asked for. */
  void checkAllRead() {
    for (String name : object.members().keySet()) {
      if (!read.contains(name)) {
        throw new DecodeMismatch("no member of that name", "an unknown member")
            .at(JsonCodec.memberStep(name));
      }
    }
  }
}
