package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonArray;
import dev.statewire.codec.JsonValue.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Map}, in its iteration order. With {@code String} keys it is a JSON object keyed by them
 * ({@code {"a":1}}); with keys of any other type, or with a null key, an array of {@code [key,
 * value]} pairs ({@code [[1,"one"],[2,"two"]]}), since JSON names are strings only. A map with
 * {@code String} keys decodes from either form. Decoding gives a fresh, unmodifiable map that keeps
 * the order, and refuses a key given twice. Never null itself.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class MapCodec<K, V> extends JsonCodec<Map<K, V>> {
  private final JsonCodec<K> keys;
  private final JsonCodec<V> values;

  /** The keys are strings, written as the names of a JSON object. */
  private final boolean named;

  MapCodec(JsonCodec<K> keys, JsonCodec<V> values) {
    this.keys = keys;
    this.values = values;
    this.named =
        keys instanceof NullableCodec<K> nullable
            ? nullable.values() instanceof StringCodec
            : keys instanceof StringCodec;
  }

  @Override
  String expected() {
    return named
        ? "an object, or an array of [key, value] pairs (a Map with String keys)"
        : "an array of [key, value] pairs (a Map)";
  }

  @Override
  void write(Map<K, V> value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    boolean asObject = named && !hasNullKey(value);
    out.append(asObject ? '{' : '[');
    boolean first = true;
    for (Map.Entry<K, V> entry : value.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      if (asObject) {
        JsonWriter.string(out, (String) entry.getKey());
        out.append(':');
        values.write(entry.getValue(), out);
      } else {
        out.append('[');
        keys.write(entry.getKey(), out);
        out.append(',');
        values.write(entry.getValue(), out);
        out.append(']');
      }
    }
    out.append(asObject ? '}' : ']');
  }

  @Override
  Map<K, V> read(JsonValue json) {
    Map<K, V> map = new LinkedHashMap<>();
    if (named && json instanceof JsonObject object) {
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        String step = memberStep(member.getKey());
        map.put(
            readAt(keys, new JsonValue.JsonString(member.getKey()), step),
            readAt(values, member.getValue(), step));
      }
    } else if (json instanceof JsonArray array) {
      for (int i = 0; i < array.elements().size(); i++) {
        try {
          readPair(array.elements().get(i), map);
        } catch (DecodeMismatch mismatch) {
          throw mismatch.at("[" + i + "]");
        }
      }
    } else {
      throw mismatch(json);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Whether {@code map} has a null key (asked by iterating: {@code Map.of()} refuses the question).
   */
  private static boolean hasNullKey(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (key == null) {
        return true;
      }
    }
    return false;
  }

  /** Reads one {@code [key, value]} pair into {@code map}. */
  private void readPair(JsonValue json, Map<K, V> map) {
    if (!(json instanceof JsonArray pair) || pair.elements().size() != 2) {
      throw new DecodeMismatch("a [key, value] pair", json.describe());
    }
    List<JsonValue> parts = pair.elements();
    K key = readAt(keys, parts.get(0), "[0]");
    if (map.containsKey(key)) {
      throw new DecodeMismatch("a key not in the map yet", "a repeated key").at("[0]");
    }
    map.put(key, readAt(values, parts.get(1), "[1]"));
  }
}
