package test;

import dev.statewire.annotation.Codec;
import dev.statewire.annotation.Reactive;
import dev.statewire.codec.StateCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Reactive(stored = true)
public class State {
  enum Level { LOW, HIGH }

  record Empty() {}

  record Box<T>(T value, List<T> more) {}

  record Wrapper<T>(T inner) {}

  static final class Any implements StateCodec<Object> {
    public String encode(Object value) { return "null"; }
    public Object decode(String encoded) { return null; }
  }

  boolean flag;
  byte b;
  short s;
  char c;
  long l;
  float f;
  double d;
  Boolean boxedFlag;
  Character boxedChar;
  Level level;
  Empty empty;
  Box<Level> box;
  Wrapper<Wrapper<String>> wrapped;
  Set<Map<Level, List<Box<String>>>> nested;
  @Codec(Any.class) Object anything;
  transient Runnable notPersisted;

  /** A user method named like a generated constant is fine: constants avoid user names. */
  void LEVEL_CODEC() {}
}

/** Not stored: a field without a codec is allowed (a store would refuse it at bind time). */
@Reactive
class Loose {
  Object anything;
  Runnable task;
}
