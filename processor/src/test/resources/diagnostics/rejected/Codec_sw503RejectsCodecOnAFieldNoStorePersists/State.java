package test;

import dev.statewire.annotation.Codec;
import dev.statewire.annotation.Reactive;
import dev.statewire.codec.StateCodec;

@Reactive(stored = true)
public class State {
  static class IntCodec implements StateCodec<Integer> {
    public String encode(Integer value) { return "0"; }
    public Integer decode(String encoded) { return 0; }
  }

  @Codec(IntCodec.class) transient int renders; // [SW503] @Codec on field renders of State has no effect: the field is transient, so no store persists it
  @Codec(IntCodec.class) static int shared; // [SW503] the field is static
  @Codec(IntCodec.class) final int constant = 1; // [SW503] the field is final
}

class Plain {
  @Codec(State.IntCodec.class) int count; // [SW503] @Codec on field count of Plain has no effect: the field is not in a @Reactive class
}
