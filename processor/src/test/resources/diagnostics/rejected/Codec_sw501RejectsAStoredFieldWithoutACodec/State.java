package test;

import dev.statewire.annotation.Reactive;
import java.util.List;
import java.util.Map;

@Reactive(stored = true)
public class State {
  record Line(Object shape) {}

  record Tree(String label, List<Tree> children) {}

  interface Shape {}

  int count;
  Object anything; // [SW501] field anything of State has type java.lang.Object, which has no codec (java.lang.Object is a class, not a primitive, boxed, String, enum, record, List, Set or Map type), but State is @Reactive(stored = true)
  List<Shape> shapes; // [SW501] (test.State.Shape is an interface, not a primitive, boxed, String, enum, record, List, Set or Map type, in java.util.List<test.State.Shape>)
  int[] grid; // [SW501] is an array (a List has a codec)), but State
  Line line; // [SW501] (java.lang.Object is a class, not a primitive, boxed, String, enum, record, List, Set or Map type, in component shape of record test.State.Line)
  Tree tree; // [SW501] (record test.State.Tree contains itself, in java.util.List<test.State.Tree>, in component children of record test.State.Tree)
  Map<String, ? extends Number> numbers; // [SW501] (? extends java.lang.Number is a wildcard, in java.util.Map<java.lang.String,? extends java.lang.Number>)
  List raw; // [SW501] (java.util.List is a raw type)
  transient Object cache;
}
