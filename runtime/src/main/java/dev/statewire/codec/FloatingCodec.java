package dev.statewire.codec;

import dev.statewire.codec.JsonValue.JsonNumber;
import dev.statewire.codec.JsonValue.JsonString;

/**
 * {@code float} and {@code double}: a JSON number (the shortest text that reads back as the same
 * value, so every value round-trips exactly, {@code -0.0} included), or one of the strings {@code
 * "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, which JSON numbers cannot express. A number
 * beyond the type's range is refused rather than read as infinity. Never null.
 *
 * @param <T> {@link Float} or {@link Double}
 */
final class FloatingCodec<T extends Number> extends JsonCodec<T> {
  static final FloatingCodec<Double> DOUBLE = new FloatingCodec<>(false);
  static final FloatingCodec<Float> FLOAT = new FloatingCodec<>(true);

  private final boolean single;

  private FloatingCodec(boolean single) {
    this.single = single;
  }

  @Override
  String expected() {
    return "a number within the range of a "
        + (single ? "float" : "double")
        + ", or \"NaN\", \"Infinity\", \"-Infinity\"";
  }

  @Override
  void write(T value, StringBuilder out) {
    if (value == null) {
      throw nullValue();
    }
    double d = value.doubleValue();
    if (Double.isNaN(d)) {
      out.append("\"NaN\"");
    } else if (Double.isInfinite(d)) {
      out.append(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else {
      out.append(single ? Float.toString(value.floatValue()) : Double.toString(d));
    }
  }

  @Override
  T read(JsonValue json) {
    if (json instanceof JsonString special) {
      switch (special.value()) {
        case "NaN":
          return box(Double.NaN);
        case "Infinity":
          return box(Double.POSITIVE_INFINITY);
        case "-Infinity":
          return box(Double.NEGATIVE_INFINITY);
        default:
          throw mismatch(json);
      }
    }
    if (!(json instanceof JsonNumber number)) {
      throw mismatch(json);
    }
    if (single) {
      float value = Float.parseFloat(number.text());
      if (Float.isInfinite(value)) {
        throw mismatch(json);
      }
      return cast(value);
    }
    double value = Double.parseDouble(number.text());
    if (Double.isInfinite(value)) {
      throw mismatch(json);
    }
    return cast(value);
  }

  private T box(double value) {
    return single ? cast((float) value) : cast(value);
  }

  /**
   * The value boxed as {@code T}: {@link Float} for {@link #FLOAT}, {@link Double} for {@link
   * #DOUBLE}.
   */
  @SuppressWarnings("unchecked")
  private T cast(Object boxed) {
    return (T) boxed;
  }
}
