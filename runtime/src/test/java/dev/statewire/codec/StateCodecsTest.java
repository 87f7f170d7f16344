package dev.statewire.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each codec of {@link StateCodecs} writes, what it reads back, and what it refuses. */
class StateCodecsTest {
  enum Color {
    RED,
    GREEN
  }

  record Point(int x, int y) {}

  record Named(String name, Integer size, List<Color> colors) {}

  record Positive(int value) {
    Positive {
      if (value <= 0) {
        throw new IllegalArgumentException("value must be positive, is " + value);
      }
    }
  }

  static final StateCodec<Point> POINTS =
      StateCodecs.record(
          "Point",
          (point, out) ->
              out.put("x", StateCodecs.INT, point.x()).put("y", StateCodecs.INT, point.y()),
          in -> new Point(in.get("x", StateCodecs.INT), in.get("y", StateCodecs.INT)));

  static final StateCodec<Positive> POSITIVES =
      StateCodecs.record(
          "Positive",
          (p, out) -> out.put("value", StateCodecs.INT, p.value()),
          in -> new Positive(in.get("value", StateCodecs.INT)));

  @Test
  void primitivesAreWrittenAsJsonScalars() {
    assertEquals("true", StateCodecs.BOOLEAN.encode(true));
    assertEquals("-128", StateCodecs.BYTE.encode((byte) -128));
    assertEquals("32767", StateCodecs.SHORT.encode((short) 32767));
    assertEquals("-2147483648", StateCodecs.INT.encode(Integer.MIN_VALUE));
    assertEquals("9223372036854775807", StateCodecs.LONG.encode(Long.MAX_VALUE));
    assertEquals("\"x\"", StateCodecs.CHAR.encode('x'));
    assertEquals("1.5", StateCodecs.DOUBLE.encode(1.5));
    assertEquals("0.1", StateCodecs.FLOAT.encode(0.1f));
    assertEquals("\"NaN\"", StateCodecs.DOUBLE.encode(Double.NaN));
    assertEquals("\"-Infinity\"", StateCodecs.FLOAT.encode(Float.NEGATIVE_INFINITY));
  }

  @Test
  void floatingPointValuesRoundTripExactly() {
    for (double d :
        new double[] {
          -0.0,
          0.0,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          1e-300,
          Math.PI,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY
        }) {
      assertEquals(Double.valueOf(d), StateCodecs.DOUBLE.decode(StateCodecs.DOUBLE.encode(d)));
    }
    for (float f : new float[] {-0.0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f, Float.NaN}) {
      assertEquals(Float.valueOf(f), StateCodecs.FLOAT.decode(StateCodecs.FLOAT.encode(f)));
    }
  }

  @Test
  void primitivesRefuseNullBoxedOnesAllowIt() {
    assertThrows(CodecException.class, () -> StateCodecs.INT.encode(null));
    CodecException decoded =
        assertThrows(CodecException.class, () -> StateCodecs.INT.decode("null"));
    assertEquals(
        "expected a whole number from -2147483648 to 2147483647 (int), found null",
        decoded.getMessage());
    assertEquals("null", StateCodecs.BOXED_INT.encode(null));
    assertNull(StateCodecs.BOXED_INT.decode("null"));
    assertNull(StateCodecs.STRING.decode(" null "));
    assertEquals(7, StateCodecs.BOXED_INT.decode("7"));
  }

  @Test
  void wholeNumbersOutOfRangeOrWithFractionsAreRefused() {
    for (String text : List.of("128", "-129", "1.0", "1e2", "\"1\"", "true")) {
      assertThrows(CodecException.class, () -> StateCodecs.BYTE.decode(text), text);
    }
    assertThrows(CodecException.class, () -> StateCodecs.INT.decode("2147483648"));
    assertThrows(CodecException.class, () -> StateCodecs.LONG.decode("9223372036854775808"));
    assertThrows(CodecException.class, () -> StateCodecs.LONG.decode("1" + "0".repeat(10_000)));
    assertEquals(0, StateCodecs.INT.decode("-0"));
  }

  @Test
  void floatingPointNumbersBeyondTheRangeAreRefusedRatherThanReadAsInfinity() {
    assertThrows(CodecException.class, () -> StateCodecs.DOUBLE.decode("1e400"));
    assertThrows(CodecException.class, () -> StateCodecs.FLOAT.decode("1e39"));
    assertThrows(CodecException.class, () -> StateCodecs.DOUBLE.decode("\"nan\""));
    assertEquals(1e38f, StateCodecs.FLOAT.decode("1e38"));
  }

  @Test
  void charIsAStringOfExactlyOneCharacter() {
    assertEquals('\uD800', StateCodecs.CHAR.decode(StateCodecs.CHAR.encode('\uD800')));
    assertThrows(CodecException.class, () -> StateCodecs.CHAR.decode("\"ab\""));
    assertThrows(CodecException.class, () -> StateCodecs.CHAR.decode("\"\""));
  }

  @Test
  void stringsEscapeWhatJsonAndUtf8CannotCarry() {
    String text = "a\"b\\c\n\t\u0001\u2028 \uD83D\uDE00 lone \uDC00";
    String encoded = StateCodecs.STRING.encode(text);
    assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\\u2028 \uD83D\uDE00 lone \\udc00\"", encoded);
    assertEquals(text, StateCodecs.STRING.decode(encoded));
    assertEquals("é/", StateCodecs.STRING.decode("\"\\u00e9\\/\""));
  }

  @Test
  void enumsAreWrittenByName() {
    StateCodec<Color> colors = StateCodecs.enumeration(Color.class);
    assertEquals("\"GREEN\"", colors.encode(Color.GREEN));
    assertEquals(Color.RED, colors.decode("\"RED\""));
    assertNull(colors.decode("null"));
    CodecException unknown = assertThrows(CodecException.class, () -> colors.decode("\"BLUE\""));
    assertEquals(
        "expected the name of a constant of "
            + Color.class.getName()
            + " (RED, GREEN),"
            + " found the string \"BLUE\"",
        unknown.getMessage());
    assertThrows(CodecException.class, () -> colors.decode("0"));
  }

  @Test
  void recordsAreObjectsKeyedByComponentName() {
    assertEquals("{\"x\":1,\"y\":-2}", POINTS.encode(new Point(1, -2)));
    assertEquals(new Point(3, 4), POINTS.decode("{ \"y\" : 4, \"x\" : 3 }"));
    assertNull(POINTS.decode("null"));
  }

  @Test
  void aRecordWithAMissingOrUnknownMemberIsRefusedNamingIt() {
    CodecException missing = assertThrows(CodecException.class, () -> POINTS.decode("{\"x\":1}"));
    assertEquals("expected a member \"y\", found an object with members x", missing.getMessage());
    CodecException unknown =
        assertThrows(CodecException.class, () -> POINTS.decode("{\"x\":1,\"y\":2,\"z\":3}"));
    assertEquals(
        "expected no member of that name at $.z, found an unknown member", unknown.getMessage());
  }

  @Test
  void aRecordConstructorThatRefusesTheValuesBecomesACodecExceptionWithTheCause() {
    CodecException refused =
        assertThrows(CodecException.class, () -> POSITIVES.decode("{\"value\":-1}"));
    assertTrue(refused.getMessage().startsWith("expected values a Positive accepts, found values"));
    assertInstanceOf(IllegalArgumentException.class, refused.getCause());
  }

  @Test
  void aMismatchDeepInsideSaysWhere() {
    StateCodec<Map<String, List<Point>>> codec =
        StateCodecs.map(StateCodecs.STRING, StateCodecs.list(POINTS));
    CodecException wrong =
        assertThrows(
            CodecException.class,
            () -> codec.decode("{\"a b\":[{\"x\":1,\"y\":2},{\"x\":1,\"y\":\"two\"}]}"));
    assertEquals(
        "expected a whole number from -2147483648 to 2147483647 (int) at $[\"a b\"][1].y,"
            + " found the string \"two\"",
        wrong.getMessage());
  }

  @Test
  void listsAndSetsAreArraysDecodedIntoFreshUnmodifiableCollections() {
    StateCodec<List<Integer>> list = StateCodecs.list(StateCodecs.BOXED_INT);
    List<Integer> withNull = Arrays.asList(1, null, 3);
    assertEquals("[1,null,3]", list.encode(withNull));
    List<Integer> decoded = list.decode("[1,null,3]");
    assertEquals(withNull, decoded);
    assertThrows(UnsupportedOperationException.class, () -> decoded.add(4));

    StateCodec<Set<String>> set = StateCodecs.set(StateCodecs.STRING);
    Set<String> ordered = new LinkedHashSet<>(List.of("b", "a"));
    assertEquals("[\"b\",\"a\"]", set.encode(ordered));
    assertEquals(List.of("b", "a"), new ArrayList<>(set.decode("[\"b\",\"a\"]")));
    assertThrows(UnsupportedOperationException.class, () -> set.decode("[]").add("c"));
    CodecException twice = assertThrows(CodecException.class, () -> set.decode("[\"a\",\"a\"]"));
    assertEquals(
        "expected an element not in the set yet at $[1], found a repeated element",
        twice.getMessage());
  }

  @Test
  void aListElementAPrimitiveCodecCannotEncodeFails() {
    StateCodec<List<Integer>> ints = StateCodecs.list(StateCodecs.INT);
    assertThrows(CodecException.class, () -> ints.encode(Arrays.asList(1, null)));
    assertThrows(CodecException.class, () -> ints.decode("[1,null]"));
  }

  @Test
  void mapsWithStringKeysAreObjectsOtherMapsArraysOfPairs() {
    StateCodec<Map<String, Integer>> named = StateCodecs.map(StateCodecs.STRING, StateCodecs.INT);
    Map<String, Integer> scores = new LinkedHashMap<>();
    scores.put("b", 2);
    scores.put("a", 1);
    assertEquals("{\"b\":2,\"a\":1}", named.encode(scores));
    assertEquals(List.of("b", "a"), new ArrayList<>(named.decode("{\"b\":2,\"a\":1}").keySet()));
    Map<String, Integer> nullKey = new LinkedHashMap<>();
    nullKey.put(null, 1);
    nullKey.put("a", 2);
    assertEquals("[[null,1],[\"a\",2]]", named.encode(nullKey));
    assertEquals(nullKey, named.decode(named.encode(nullKey)));

    StateCodec<Map<Color, Point>> pairs =
        StateCodecs.map(StateCodecs.enumeration(Color.class), POINTS);
    Map<Color, Point> byColor = new LinkedHashMap<>();
    byColor.put(Color.GREEN, new Point(1, 2));
    byColor.put(null, null);
    String encoded = pairs.encode(byColor);
    assertEquals("[[\"GREEN\",{\"x\":1,\"y\":2}],[null,null]]", encoded);
    Map<Color, Point> decoded = pairs.decode(encoded);
    assertEquals(byColor, decoded);
    assertThrows(UnsupportedOperationException.class, () -> decoded.put(Color.RED, null));
    CodecException repeated =
        assertThrows(CodecException.class, () -> pairs.decode("[[\"RED\",null],[\"RED\",null]]"));
    assertEquals(
        "expected a key not in the map yet at $[1][0], found a repeated key",
        repeated.getMessage());
    assertThrows(CodecException.class, () -> pairs.decode("[[\"RED\"]]"));
    assertThrows(CodecException.class, () -> pairs.decode("{\"RED\":null}"));
  }

  @Test
  void aRecordOfCollectionsRoundTrips() {
    StateCodec<Named> codec =
        StateCodecs.record(
            "Named",
            (n, out) ->
                out.put("name", StateCodecs.STRING, n.name())
                    .put("size", StateCodecs.BOXED_INT, n.size())
                    .put(
                        "colors",
                        StateCodecs.list(StateCodecs.enumeration(Color.class)),
                        n.colors()),
            in ->
                new Named(
                    in.get("name", StateCodecs.STRING),
                    in.get("size", StateCodecs.BOXED_INT),
                    in.get("colors", StateCodecs.list(StateCodecs.enumeration(Color.class)))));
    Named value = new Named(null, null, List.of(Color.RED, Color.RED));
    assertEquals("{\"name\":null,\"size\":null,\"colors\":[\"RED\",\"RED\"]}", codec.encode(value));
    assertEquals(value, codec.decode(codec.encode(value)));
  }

  @Test
  void aUserCodecInsideACollectionIsCheckedAndItsFailuresAreCodecExceptions() {
    StateCodec<StringBuilder> builders =
        new StateCodec<>() {
          @Override
          public String encode(StringBuilder value) {
            return value.length() == 0 ? "not json" : StateCodecs.STRING.encode(value.toString());
          }

          @Override
          public StringBuilder decode(String encoded) {
            return new StringBuilder(StateCodecs.STRING.decode(encoded));
          }
        };
    StateCodec<List<StringBuilder>> list = StateCodecs.list(builders);
    assertEquals("[\"ab\"]", list.encode(List.of(new StringBuilder("ab"))));
    assertEquals("ab", list.decode(" [ \"ab\" ] ").get(0).toString());
    assertThrows(CodecException.class, () -> list.encode(List.of(new StringBuilder())));
    CodecException refused = assertThrows(CodecException.class, () -> list.decode("[1]"));
    assertTrue(refused.getMessage().contains(" at $[0], found the number 1, which it refused"));
    assertInstanceOf(CodecException.class, refused.getCause());
  }
}
