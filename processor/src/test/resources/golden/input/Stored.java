package test;

import dev.statewire.annotation.Codec;
import dev.statewire.annotation.Reactive;
import dev.statewire.codec.StateCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A class meant for a store: every field has a codec, generated or declared. */
@Reactive(stored = true)
public class Stored {
  public enum Color { RED, GREEN }

  public record Point(int x, int y) {}

  public record Line(Point from, Point to, Color color) {}

  public record Pair<A, B>(A first, B second) {}

  /** A codec for a JDK type the processor has none for. */
  public static final class DurationCodec implements StateCodec<Duration> {
    @Override
    public String encode(Duration value) {
      return value == null ? "null" : Long.toString(value.toMillis());
    }

    @Override
    public Duration decode(String encoded) {
      return encoded.equals("null") ? null : Duration.ofMillis(Long.parseLong(encoded));
    }
  }

  int count;
  Integer maybe;
  String label = "";
  Color color = Color.RED;
  Line line;
  List<Point> points = List.of();
  Set<Color> colors = Set.of();
  Map<String, List<Integer>> scores = Map.of();
  Map<Color, Pair<String, Long>> byColor = Map.of();
  @Codec(DurationCodec.class) Duration timeout = Duration.ZERO;
  transient int renders;

  public void setCount(int count) {
    this.count = count;
  }
}
