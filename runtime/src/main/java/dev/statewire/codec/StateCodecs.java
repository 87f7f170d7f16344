package dev.statewire.codec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The codecs the processor generates code from, and that users compose by hand: one per primitive
 * and boxed type, {@code String}, enums, records, and {@code List}, {@code Set} and {@code Map} of
 * those. All are immutable and thread-safe, write compact JSON and decode strictly: text that is
 * not exactly what they write (malformed JSON, a wrong type, a number out of range, a missing or
 * unknown record member, arrays and objects nested more than 128 deep) fails with a {@link
 * CodecException} saying what was expected where ({@code expected a whole number from -2147483648
 * to 2147483647 (int) at $.points[2].x, found the string "two"}), never with another exception.
 *
 * <p><b>Null.</b> The codecs of the primitive types ({@link #INT}, ...) never accept null; every
 * other codec here (boxed, {@link #STRING}, enums, records, collections) encodes null as JSON
 * {@code null}. Elements, keys and values of collections follow their own codec.
 *
 * <p><b>Collections.</b> A {@code List} or {@code Set} is a JSON array; a {@code Map} with {@code
 * String} keys ({@link #STRING} as key codec) a JSON object (or, if it has a null key, an array of
 * pairs), any other {@code Map} an array of {@code [key, value]} pairs. Decoded collections are
 * fresh and unmodifiable and keep the encoded order; a set or map given the same element or key
 * twice is refused.
 */
public final class StateCodecs {
  /** {@code boolean}: {@code true}, {@code false}. */
  public static final StateCodec<Boolean> BOOLEAN = new BooleanCodec();

  /** {@code byte}: a whole number from -128 to 127. */
  public static final StateCodec<Byte> BYTE =
      new IntegralCodec<>("byte", Byte.MIN_VALUE, Byte.MAX_VALUE, n -> (byte) n);

  /** {@code short}: a whole number from -32768 to 32767. */
  public static final StateCodec<Short> SHORT =
      new IntegralCodec<>("short", Short.MIN_VALUE, Short.MAX_VALUE, n -> (short) n);

  /** {@code int}: a whole number in the range of {@code int}. */
  public static final StateCodec<Integer> INT =
      new IntegralCodec<>("int", Integer.MIN_VALUE, Integer.MAX_VALUE, n -> (int) n);

  /** {@code long}: a whole number in the range of {@code long}. */
  public static final StateCodec<Long> LONG =
      new IntegralCodec<>("long", Long.MIN_VALUE, Long.MAX_VALUE, n -> n);

  /** {@code char}: a string of one character. */
  public static final StateCodec<Character> CHAR = new CharCodec();

  /**
   * {@code float}: a number ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} as strings);
   * every value round-trips exactly.
   */
  public static final StateCodec<Float> FLOAT = FloatingCodec.FLOAT;

  /**
   * {@code double}: a number ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} as strings);
   * every value round-trips exactly.
   */
  public static final StateCodec<Double> DOUBLE = FloatingCodec.DOUBLE;

  /** {@link Boolean}: as {@link #BOOLEAN}, or null. */
  public static final StateCodec<Boolean> BOXED_BOOLEAN = orNull(BOOLEAN);

  /** {@link Byte}: as {@link #BYTE}, or null. */
  public static final StateCodec<Byte> BOXED_BYTE = orNull(BYTE);

  /** {@link Short}: as {@link #SHORT}, or null. */
  public static final StateCodec<Short> BOXED_SHORT = orNull(SHORT);

  /** {@link Integer}: as {@link #INT}, or null. */
  public static final StateCodec<Integer> BOXED_INT = orNull(INT);

  /** {@link Long}: as {@link #LONG}, or null. */
  public static final StateCodec<Long> BOXED_LONG = orNull(LONG);

  /** {@link Character}: as {@link #CHAR}, or null. */
  public static final StateCodec<Character> BOXED_CHAR = orNull(CHAR);

  /** {@link Float}: as {@link #FLOAT}, or null. */
  public static final StateCodec<Float> BOXED_FLOAT = orNull(FLOAT);

  /** {@link Double}: as {@link #DOUBLE}, or null. */
  public static final StateCodec<Double> BOXED_DOUBLE = orNull(DOUBLE);

  /**
   * {@link String}: a JSON string, or null. Unpaired surrogates are escaped, so any Java string
   * round-trips exactly, also through UTF-8.
   */
  public static final StateCodec<String> STRING = orNull(new StringCodec());

  private StateCodecs() {}

  /**
   * {@return the codec of enum {@code type}: a constant's name as a string, or null}
   *
   * @param type the enum class
   * @param <E> the enum type
   */
  public static <E extends Enum<E>> StateCodec<E> enumeration(Class<E> type) {
    return NullableCodec.of(new EnumCodec<>(type));
  }

  /**
   * {@return the codec of a {@code List}: a JSON array of its elements, or null}
   *
   * @param elements the codec of the elements
   * @param <E> the element type
   */
  public static <E> StateCodec<List<E>> list(StateCodec<E> elements) {
    return NullableCodec.of(new ListCodec<>(JsonCodec.of(elements)));
  }

  /**
   * {@return the codec of a {@code Set}: a JSON array of its elements, or null}
   *
   * @param elements the codec of the elements
   * @param <E> the element type
   */
  public static <E> StateCodec<Set<E>> set(StateCodec<E> elements) {
    return NullableCodec.of(new SetCodec<>(JsonCodec.of(elements)));
  }

  /**
   * {@return the codec of a {@code Map}, or null}: a JSON object if {@code keys} is {@link #STRING}
   * (an array of pairs for a map with a null key), else an array of {@code [key, value]} pairs
   *
   * @param keys the codec of the keys
   * @param values the codec of the values
   * @param <K> the key type
   * @param <V> the value type
   */
  public static <K, V> StateCodec<Map<K, V>> map(StateCodec<K> keys, StateCodec<V> values) {
    return NullableCodec.of(new MapCodec<>(JsonCodec.of(keys), JsonCodec.of(values)));
  }

  /**
   * {@return the codec of a record, or null: a JSON object with one member per component} The
   * processor generates both halves for a record whose components have codecs; by hand:
   *
   * <pre>{@code
   * StateCodec<Point> points = StateCodecs.record(
   *     "Point",
   *     (point, out) -> out.put("x", StateCodecs.INT, point.x()).put("y", StateCodecs.INT, point.y()),
   *     in -> new Point(in.get("x", StateCodecs.INT), in.get("y", StateCodecs.INT)));
   * }</pre>
   *
   * <p>A decode fails if a member is missing or unknown, or if the constructor throws (its
   * exception is the {@link CodecException}'s cause).
   *
   * @param typeName the record's name, for messages
   * @param writer puts each component into the object
   * @param reader gets each component and calls the constructor
   * @param <R> the record type
   */
  public static <R> StateCodec<R> record(
      String typeName,
      BiConsumer<? super R, RecordWriter> writer,
      Function<RecordReader, ? extends R> reader) {
    return NullableCodec.of(
        new RecordCodec<R>(
            Objects.requireNonNull(typeName, "typeName"),
            Objects.requireNonNull(writer, "writer"),
            Objects.requireNonNull(reader, "reader")));
  }

  private static <T> StateCodec<T> orNull(StateCodec<T> values) {
    return NullableCodec.of((JsonCodec<T>) values);
  }
}
