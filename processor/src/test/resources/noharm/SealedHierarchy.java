package noharm;

/** A sealed hierarchy of records, a non-sealed class and an exhaustive instanceof chain. */
sealed interface SealedHierarchy permits SealedHierarchy.Circle, SealedHierarchy.Square,
    SealedHierarchy.Other {
  record Circle(double r) implements SealedHierarchy {}

  record Square(double side) implements SealedHierarchy {}

  non-sealed class Other implements SealedHierarchy {}

  static double area(SealedHierarchy shape) {
    if (shape instanceof Circle c) {
      return Math.PI * c.r() * c.r();
    } else if (shape instanceof Square s && s.side() > 0) {
      return s.side() * s.side();
    }
    return 0;
  }
}
