package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonArray;
import dev.statewire.codec.JsonValue.JsonBoolean;
import dev.statewire.codec.JsonValue.JsonNull;
import dev.statewire.codec.JsonValue.JsonNumber;
import dev.statewire.codec.JsonValue.JsonObject;
import dev.statewire.codec.JsonValue.JsonString;
import java.util.Map;

/**
 * Writes compact JSON text. Strings escape {@code "}, {@code \}, control characters, U+2028, U+2029
 * and unpaired surrogates (as {@code \}{@code uXXXX}), so the text survives UTF-8 transport and
 * decodes to exactly the Java string it came from.
 */
final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  /** Appends {@code value} as a JSON string. */
  static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || isUnpairedSurrogate(value, i)) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** Appends a parsed value as compact JSON text. */
  static void value(StringBuilder out, JsonValue value) {
    if (value instanceof JsonNull) {
      out.append("null");
    } else if (value instanceof JsonBoolean b) {
      out.append(b.value());
    } else if (value instanceof JsonNumber n) {
      out.append(n.text());
    } else if (value instanceof JsonString s) {
      string(out, s.value());
    } else if (value instanceof JsonArray a) {
      out.append('[');
      for (int i = 0; i < a.elements().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        value(out, a.elements().get(i));
      }
      out.append(']');
    } else {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> member : ((JsonObject) value).members().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, member.getKey());
        out.append(':');
        value(out, member.getValue());
      }
      out.append('}');
    }
  }

  private static boolean isUnpairedSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
