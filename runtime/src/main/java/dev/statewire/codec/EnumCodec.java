package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonString;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An enum: the constant's {@link Enum#name() name} as a JSON string, so that reordering the
 * constants keeps stored values valid (renaming one does not). Never null.
 *
 * @param <E> the enum type
 */
final class EnumCodec<E extends Enum<E>> extends JsonCodec<E> {
  private static final int NAMES_IN_MESSAGES = 8;

  private final Map<String, E> byName = new HashMap<>();
  private final String expected;

  EnumCodec(Class<E> type) {
    Objects.requireNonNull(type, "type");
    E[] constants = type.getEnumConstants();
    if (constants == null) {
      throw new IllegalArgumentException(type.getName() + " is not an enum type");
    }
    StringBuilder names = new StringBuilder();
    for (E constant : constants) {
      byName.put(constant.name(), constant);
      if (byName.size() <= NAMES_IN_MESSAGES) {
        names.append(names.length() == 0 ? "" : ", ").append(constant.name());
      }
    }
    if (constants.length > NAMES_IN_MESSAGES) {
      names.append(", ...");
    }
    this.expected = "the name of a constant of " + type.getName() + " (" + names + ")";
  }

  @Override
  String expected() {
    return expected;
  }

  @Override
  void write(E value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    JsonWriter.string(out, value.name());
  }

  @Override
  E read(JsonValue json) {
    E constant = json instanceof JsonString s ? byName.get(s.value()) : null;
    if (constant == null) {
      throw mismatch(json);
    }
    return constant;
  }
}
