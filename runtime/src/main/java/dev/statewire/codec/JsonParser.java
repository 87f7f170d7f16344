package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonArray;
import dev.statewire.codec.JsonValue.JsonBoolean;
import dev.statewire.codec.JsonValue.JsonNull;
import dev.statewire.codec.JsonValue.JsonNumber;
import dev.statewire.codec.JsonValue.JsonObject;
import dev.statewire.codec.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259): exactly one value, optionally surrounded by whitespace; no
 * comments, trailing commas, single quotes, {@code NaN}, leading zeros or duplicate member names.
 * Arrays and objects nest at most {@link #MAX_DEPTH} deep, so hostile text cannot exhaust the
 * stack. Every problem is a {@link CodecException} naming the offset, what was expected there and
 * what was found.
 */
final class JsonParser {
  /** How deep arrays and objects may nest. */
  static final int MAX_DEPTH = 128;

  private final String text;
  private int offset;

  private JsonParser(String text) {
    this.text = text;
  }

  /**
   * {@return the value {@code text} holds}
   *
   * @throws CodecException if {@code text} is null or not exactly one JSON value
   */
  static JsonValue parse(String text) {
    if (text == null) {
      throw new CodecException("expected JSON text, found null");
    }
    JsonParser parser = new JsonParser(text);
    parser.skipWhitespace();
    JsonValue value = parser.value(0);
    parser.skipWhitespace();
    if (parser.offset != text.length()) {
      throw parser.malformed("the end of the text after one JSON value");
    }
    return value;
  }

  private JsonValue value(int depth) {
    if (offset >= text.length()) {
      throw malformed("a JSON value");
    }
    char c = text.charAt(offset);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return new JsonString(string());
      case 't':
        literal("true");
        return new JsonBoolean(true);
      case 'f':
        literal("false");
        return new JsonBoolean(false);
      case 'n':
        literal("null");
        return JsonNull.INSTANCE;
      default:
        if (c == '-' || isDigit(c)) {
          return number();
        }
        throw malformed("a JSON value");
    }
  }

  private JsonArray array(int depth) {
    checkDepth(depth);
    offset++;
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (consume(']')) {
      return new JsonArray(List.of());
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth));
      skipWhitespace();
      if (consume(']')) {
        return new JsonArray(Collections.unmodifiableList(elements));
      }
      if (!consume(',')) {
        throw malformed("',' or ']'");
      }
    }
  }

  private JsonObject object(int depth) {
    checkDepth(depth);
    offset++;
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (consume('}')) {
      return new JsonObject(Map.of());
    }
    while (true) {
      skipWhitespace();
      if (offset >= text.length() || text.charAt(offset) != '"') {
        throw malformed("a member name in double quotes");
      }
      int nameAt = offset;
      String name = string();
      skipWhitespace();
      if (!consume(':')) {
        throw malformed("':'");
      }
      skipWhitespace();
      if (members.put(name, value(depth)) != null) {
        offset = nameAt;
        throw new CodecException(
            "malformed JSON at offset "
                + offset
                + ": member \""
                + Excerpts.shortened(name)
                + "\" occurs twice in one object (near \""
                + Excerpts.around(text, offset)
                + "\")");
      }
      skipWhitespace();
      if (consume('}')) {
        return new JsonObject(Collections.unmodifiableMap(members));
      }
      if (!consume(',')) {
        throw malformed("',' or '}'");
      }
    }
  }

  /** Reads a string starting at its opening quote. */
  private String string() {
    offset++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (offset >= text.length()) {
        throw malformed("a closing '\"'");
      }
      char c = text.charAt(offset);
      if (c == '"') {
        offset++;
        return value.toString();
      }
      if (c == '\\') {
        value.append(escape());
      } else if (c < 0x20) {
        throw malformed("a character of a string (a control character must be escaped)");
      } else {
        value.append(c);
        offset++;
      }
    }
  }

  /** Reads an escape sequence starting at its backslash. */
  private char escape() {
    offset++;
    if (offset >= text.length()) {
      throw malformed("an escape sequence");
    }
    char c = text.charAt(offset++);
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return unicodeEscape();
      default:
        offset--;
        throw malformed("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }
  }

  private char unicodeEscape() {
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = offset < text.length() ? Character.digit(text.charAt(offset), 16) : -1;
      if (digit < 0) {
        throw malformed("4 hexadecimal digits after \\u");
      }
      code = code * 16 + digit;
      offset++;
    }
    return (char) code;
  }

  private JsonNumber number() {
    int start = offset;
    consume('-');
    if (consume('0')) {
      if (offset < text.length() && isDigit(text.charAt(offset))) {
        throw malformed("'.', 'e' or the end of the number (no leading zeros)");
      }
    } else {
      digits();
    }
    if (consume('.')) {
      digits();
    }
    if (consume('e') || consume('E')) {
      if (!consume('+')) {
        consume('-');
      }
      digits();
    }
    return new JsonNumber(text.substring(start, offset));
  }

  private void digits() {
    if (offset >= text.length() || !isDigit(text.charAt(offset))) {
      throw malformed("a digit");
    }
    while (offset < text.length() && isDigit(text.charAt(offset))) {
      offset++;
    }
  }

  private void literal(String word) {
    if (!text.startsWith(word, offset)) {
      throw malformed("a JSON value");
    }
    offset += word.length();
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw malformed("at most " + MAX_DEPTH + " levels of nested arrays and objects");
    }
  }

  private boolean consume(char c) {
    if (offset < text.length() && text.charAt(offset) == c) {
      offset++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      offset++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private CodecException malformed(String expected) {
    return new CodecException(
        "malformed JSON at offset "
            + offset
            + ": expected "
            + expected
            + ", found "
            + Excerpts.character(text, offset)
            + " (near \""
            + Excerpts.around(text, offset)
            + "\")");
  }
}
