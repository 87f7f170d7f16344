package noharm;

/** Pattern matching for switch and record patterns (JDK 21). */
class SwitchPatterns_jdk21 {
  sealed interface Shape permits Dot, Line {}

  record Dot(int x, int y) implements Shape {}

  record Line(Dot from, Dot to) implements Shape {}

  static String describe(Object value) {
    return switch (value) {
      case null -> "null";
      case Integer i when i > 10 -> "big " + i;
      case Integer i -> "int " + i;
      case Line(Dot(var x1, var y1), Dot to) -> "line from " + x1 + "," + y1 + " to " + to;
      case Dot d -> "dot " + d.x();
      case String s -> s.isEmpty() ? "empty" : s;
      default -> value.toString();
    };
  }

  static int size(Shape shape) {
    return switch (shape) {
      case Dot d -> 1;
      case Line l -> 2;
    };
  }
}
