package dev.statewire.redis;

import dev.statewire.ReactiveObject;
import dev.statewire.codec.MissingCodecException;
import dev.statewire.codec.StateCodec;
import dev.statewire.codec.StateField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A state object bound to a context under a name, with its persisted fields. */
final class ObjectBinding {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  final String name;
  final ReactiveObject object;
  final List<FieldBinding<?>> fields;

  private ObjectBinding(String name, ReactiveObject object, List<FieldBinding<?>> fields) {
    this.name = name;
    this.object = object;
    this.fields = fields;
  }

  /**
   * Binds {@code object} under {@code name}, each field with its own codec or else the one
   * {@code codecs} has for its type.
   *
   * @throws IllegalArgumentException if the name is not letters, digits, '_' and '-', or the
   *     object has no persisted fields
   * @throws MissingCodecException if a field has no codec
   */
  static ObjectBinding of(String name, ReactiveObject object, Map<String, StateCodec<?>> codecs) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Cannot bind " + object.getClass().getName() + " as '"
          + name + "': a name is letters, digits, '_' and '-' (it becomes the prefix of the "
          + "object's entries in the Redis hash).");
    }
    List<StateField<?>> stateFields = object.stateFields();
    if (stateFields.isEmpty()) {
      throw new IllegalArgumentException("Cannot bind " + object.getClass().getName() + " as '"
          + name + "': it has no persisted fields (stateFields() is empty). Bind an instance of "
          + "a class the Statewire processor generated from a @Reactive class with at least one "
          + "non-transient field.");
    }
    List<FieldBinding<?>> fields = new ArrayList<>(stateFields.size());
    for (StateField<?> field : stateFields) {
      fields.add(bindField(name, object, field, codecs));
    }
    return new ObjectBinding(name, object, List.copyOf(fields));
  }

  private static <T> FieldBinding<T> bindField(
      String name, ReactiveObject object, StateField<T> field, Map<String, StateCodec<?>> codecs) {
    StateCodec<T> codec;
    if (field.hasCodec()) {
      codec = field.codec();
    } else {
      @SuppressWarnings("unchecked") // registered for exactly this type name
      StateCodec<T> registered = (StateCodec<T>) codecs.get(field.typeName());
      if (registered == null) {
        throw new MissingCodecException(
            object.getClass().getName() + "." + field.name(), field.typeName());
      }
      codec = registered;
    }
    return new FieldBinding<>(name + "." + field.name(), field, codec);
  }
}
