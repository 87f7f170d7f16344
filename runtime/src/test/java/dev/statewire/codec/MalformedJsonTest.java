package dev.statewire.codec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser under the codecs accepts exactly RFC 8259 JSON, one value, and nothing else. */
class MalformedJsonTest {
  private static final StateCodec<List<Integer>> INTS = StateCodecs.list(StateCodecs.BOXED_INT);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "[",
        "[1",
        "[1,]",
        "[,1]",
        "[1 2]",
        "[01]",
        "[1.]",
        "[.5]",
        "[+1]",
        "[1e]",
        "[-]",
        "[NaN]",
        "[Infinity]",
        "[0x10]",
        "[1] [2]",
        "[1]x",
        "// c\n[1]",
        "[1,/*c*/2]",
        "['a']",
        "[tru]",
        "[nul]",
        "\uFEFF[1]",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "{\"a\":}",
        "{\"a\":1,\"a\":2}",
        "[\"\\x\"]",
        "[\"\\u12\"]",
        "[\"\\u12g4\"]",
        "[\"a\nb\"]",
        "[\"a",
        "[1]\u0000"
      })
  void malformedTextIsACodecException(String text) {
    assertThrows(CodecException.class, () -> JsonParser.parse(text));
  }

  @Test
  void theMessageSaysWhereWhatWasExpectedAndWhatWasFound() {
    CodecException failure = assertThrows(CodecException.class, () -> INTS.decode("[1, 2 3]"));
    assertEquals(
        "malformed JSON at offset 6: expected ',' or ']', found '3' (near \"[1, 2 3]\")",
        failure.getMessage());
    CodecException duplicate =
        assertThrows(CodecException.class, () -> JsonParser.parse("{\"a\":1,\"a\":2}"));
    assertEquals(
        "malformed JSON at offset 7: member \"a\" occurs twice in one object (near"
            + " \"{\"a\":1,\"a\":2}\")",
        duplicate.getMessage());
    assertEquals(
        "expected JSON text, found null",
        assertThrows(CodecException.class, () -> INTS.decode(null)).getMessage());
  }

  @Test
  void nestingIsBoundedSoHostileTextCannotExhaustTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    CodecException failure = assertThrows(CodecException.class, () -> JsonParser.parse(deep));
    assertTrue(
        failure
            .getMessage()
            .startsWith(
                "malformed JSON at offset 128: expected at most 128 levels of nested arrays and"
                    + " objects, found '['"),
        failure.getMessage());
    StateCodec<List<List<Integer>>> nested = StateCodecs.list(INTS);
    assertThrows(CodecException.class, () -> nested.decode("[".repeat(5_000) + "]".repeat(5_000)));
    String atTheLimit = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
    assertDoesNotThrow(() -> JsonParser.parse(atTheLimit));
  }

  @Test
  void whitespaceAroundTheValueAndEscapedSlashesAreAccepted() {
    assertEquals(List.of(1, 2), INTS.decode(" \t\r\n[ 1 ,\n2 ] \n"));
    assertEquals("a/b", StateCodecs.STRING.decode("\"a\\/b\""));
  }
}
