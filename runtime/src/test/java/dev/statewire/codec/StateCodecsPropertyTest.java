package dev.statewire.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random nested values (records of maps of lists of sets of any scalar, nulls where the type allows
 * them) round-trip through their codecs exactly; and whatever text a decode is given (a valid
 * encoding with one character changed, or random characters), it returns a value or throws {@link
 * CodecException}, never anything else.
 */
class StateCodecsPropertyTest {
  enum Suit {
    CLUBS,
    HEARTS,
    SPADES
  }

  record Pair(Object first, Object second) {}

  /** A codec and the values it encodes, described for the report of a failing sample. */
  record Shape(String name, StateCodec<Object> codec, Arbitrary<Object> values) {}

  /** One value of a shape. */
  record Sample(String shape, StateCodec<Object> codec, Object value) {
    @Override
    public String toString() {
      return shape + ": " + value;
    }
  }

  @Property(tries = 300)
  void everyValueRoundTripsExactly(@ForAll("samples") Sample sample) {
    String encoded = sample.codec().encode(sample.value());
    Object decoded = sample.codec().decode(encoded);
    assertEquals(sample.value(), decoded, encoded);
    assertEquals(encoded, sample.codec().encode(decoded));
  }

  @Property(tries = 200)
  void aCorruptedEncodingDecodesOrFailsWithACodecException(
      @ForAll("samples") Sample sample, @ForAll("edits") Edit edit) {
    String corrupted = edit.applyTo(sample.codec().encode(sample.value()));
    decodeOrCodecException(sample.codec(), corrupted);
  }

  @Property(tries = 200)
  void randomTextDecodesOrFailsWithACodecException(
      @ForAll("samples") Sample sample, @ForAll("jsonish") String text) {
    decodeOrCodecException(sample.codec(), text);
  }

  /** Any other exception (or error) fails the property. */
  private static void decodeOrCodecException(StateCodec<Object> codec, String text) {
    try {
      codec.decode(text);
    } catch (CodecException expected) {
      // refused, as it should be
    }
  }

  /** One character deleted, inserted or replaced at a position (taken modulo the length). */
  record Edit(int kind, int position, char character) {
    String applyTo(String text) {
      int at = Math.floorMod(position, text.length() + 1);
      switch (kind) {
        case 0:
          return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
        case 1:
          return text.substring(0, at) + character + text.substring(at);
        default:
          return at < text.length()
              ? text.substring(0, at) + character + text.substring(at + 1)
              : text + character;
      }
    }
  }

  @Provide
  Arbitrary<Edit> edits() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers(),
            Arbitraries.of(
                '"', '\\', '[', ']', '{', '}', ',', ':', '0', '9', '-', '.', 'e', 'n', ' '))
        .as(Edit::new);
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.strings()
        .withChars("[]{}\",:\\-+.eE0123456789 ntrufalsNI\u0000\uD800")
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<Sample> samples() {
    return shapes(3)
        .flatMap(
            shape -> shape.values().map(value -> new Sample(shape.name(), shape.codec(), value)));
  }

  private Arbitrary<Shape> shapes(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<Shape> inner = shapes(depth - 1);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalars()),
        net.jqwik.api.Tuple.of(1, inner.map(StateCodecsPropertyTest::listOf)),
        net.jqwik.api.Tuple.of(1, inner.map(StateCodecsPropertyTest::setOf)),
        net.jqwik.api.Tuple.of(1, inner.map(StateCodecsPropertyTest::stringMapOf)),
        net.jqwik.api.Tuple.of(
            1, Combinators.combine(inner, inner).as(StateCodecsPropertyTest::pairMapOf)),
        net.jqwik.api.Tuple.of(
            1, Combinators.combine(inner, inner).as(StateCodecsPropertyTest::pairOf)));
  }

  private static Arbitrary<Shape> scalars() {
    return Arbitraries.of(
        shape("boolean", StateCodecs.BOOLEAN, Arbitraries.of(true, false)),
        shape("byte", StateCodecs.BYTE, Arbitraries.bytes()),
        shape("short", StateCodecs.SHORT, Arbitraries.shorts()),
        shape("int", StateCodecs.INT, Arbitraries.integers()),
        shape("long", StateCodecs.LONG, Arbitraries.longs()),
        shape("char", StateCodecs.CHAR, Arbitraries.chars()),
        shape("float", StateCodecs.FLOAT, floats()),
        shape("double", StateCodecs.DOUBLE, doubles()),
        shape("Integer", StateCodecs.BOXED_INT, Arbitraries.integers().injectNull(0.2)),
        shape("Double", StateCodecs.BOXED_DOUBLE, doubles().injectNull(0.2)),
        shape("Character", StateCodecs.BOXED_CHAR, Arbitraries.chars().injectNull(0.2)),
        shape("String", StateCodecs.STRING, Arbitraries.strings().ofMaxLength(12).injectNull(0.1)),
        shape(
            "Suit",
            StateCodecs.enumeration(Suit.class),
            Arbitraries.of(Suit.class).injectNull(0.2)));
  }

  private static Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.doubles(),
        Arbitraries.of(
            -0.0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            -Double.MAX_VALUE),
        Arbitraries.longs().map(Double::longBitsToDouble));
  }

  private static Arbitrary<Float> floats() {
    return Arbitraries.oneOf(
        Arbitraries.floats(),
        Arbitraries.of(-0.0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE),
        Arbitraries.integers().map(Float::intBitsToFloat));
  }

  private static Shape listOf(Shape elements) {
    return new Shape(
        "List<" + elements.name() + ">",
        erased(StateCodecs.list(elements.codec())),
        erased(elements.values().list().ofMaxSize(4)));
  }

  private static Shape setOf(Shape elements) {
    return new Shape(
        "Set<" + elements.name() + ">",
        erased(StateCodecs.set(elements.codec())),
        erased(elements.values().set().ofMaxSize(4)));
  }

  private static Shape stringMapOf(Shape values) {
    return new Shape(
        "Map<String, " + values.name() + ">",
        erased(StateCodecs.map(StateCodecs.STRING, values.codec())),
        erased(
            Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), values.values()).ofMaxSize(4)));
  }

  private static Shape pairMapOf(Shape keys, Shape values) {
    return new Shape(
        "Map<" + keys.name() + ", " + values.name() + ">",
        erased(StateCodecs.map(keys.codec(), values.codec())),
        erased(Arbitraries.maps(keys.values(), values.values()).ofMaxSize(4)));
  }

  private static Shape pairOf(Shape first, Shape second) {
    StateCodec<Pair> codec =
        StateCodecs.record(
            "Pair",
            (pair, out) ->
                out.put("first", first.codec(), pair.first())
                    .put("second", second.codec(), pair.second()),
            in -> new Pair(in.get("first", first.codec()), in.get("second", second.codec())));
    return new Shape(
        "Pair<" + first.name() + ", " + second.name() + ">",
        erased(codec),
        erased(Combinators.combine(first.values(), second.values()).as(Pair::new).injectNull(0.1)));
  }

  private static <T> Shape shape(String name, StateCodec<T> codec, Arbitrary<T> values) {
    return new Shape(name, erased(codec), erased(values));
  }

  @SuppressWarnings("unchecked")
  private static StateCodec<Object> erased(StateCodec<?> codec) {
    return (StateCodec<Object>) codec;
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<Object> erased(Arbitrary<?> values) {
    return (Arbitrary<Object>) values;
  }
}
