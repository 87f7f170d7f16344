package dev.statewire.redis;

import dev.statewire.codec.StateCodec;
import dev.statewire.codec.StateField;

/**
 * One persisted field of a bound object: its entry in the state hash ({@code <object>.<field>})
 * and the codec that turns its values into that entry's JSON and back.
 *
 * @param <T> the field's type
 */
final class FieldBinding<T> {
  final String hashField;
  private final StateField<T> field;
  private final StateCodec<T> codec;

  FieldBinding(String hashField, StateField<T> field, StateCodec<T> codec) {
    this.hashField = hashField;
    this.field = field;
    this.codec = codec;
  }

  /** {@return the JSON of the field's committed value} */
  String encodeCommitted() {
    return codec.encode(field.committed().peek());
  }

  /** {@return the JSON of {@code value}, a value the field's commit handed over} */
  @SuppressWarnings("unchecked")
  String encode(Object value) {
    return codec.encode((T) value);
  }

  /** Writes the value {@code json} stands for into the field; inside a lock session. */
  void write(String json) {
    field.write(codec.decode(json));
  }

  /** {@return the signal holding the field's committed value} */
  Object signal() {
    return field.committed();
  }
}
