package dev.statewire.codec;

import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value, as {@link JsonParser} reads it and the codecs decode it. Numbers keep their
 * text, so that each codec decides what it accepts (an {@code int} codec refuses {@code 1.5} and
 * {@code 1e3}); objects keep their members in the order of the text.
 */
sealed interface JsonValue {
  /** {@return the value in words, for messages: "the string \"ab\"", "an array of 2 elements"} */
  String describe();

  /** {@code null}. */
  record JsonNull() implements JsonValue {
    static final JsonNull INSTANCE = new JsonNull();

    @Override
    public String describe() {
      return "null";
    }
  }

  /** {@code true} or {@code false}. */
  record JsonBoolean(boolean value) implements JsonValue {
    @Override
    public String describe() {
      return String.valueOf(value);
    }
  }

  /** A number, as written: {@code -12}, {@code 1.5e3}. */
  record JsonNumber(String text) implements JsonValue {
    @Override
    public String describe() {
      return "the number " + Excerpts.shortened(text);
    }
  }

  /** A string, unescaped. */
  record JsonString(String value) implements JsonValue {
    @Override
    public String describe() {
      return "the string \"" + Excerpts.shortened(value) + "\"";
    }
  }

  /** An array. */
  record JsonArray(List<JsonValue> elements) implements JsonValue {
    @Override
    public String describe() {
      return elements.size() == 1
          ? "an array of 1 element"
          : "an array of " + elements.size() + " elements";
    }
  }

  /** An object; no name occurs twice (the parser refuses duplicates). */
  record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    @Override
    public String describe() {
      return members.isEmpty()
          ? "an empty object"
          : "an object with members " + Excerpts.shortened(String.join(", ", members.keySet()));
    }
  }
}
