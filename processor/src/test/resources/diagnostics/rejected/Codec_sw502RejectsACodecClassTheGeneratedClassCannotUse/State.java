package test;

import dev.statewire.annotation.Codec;
import dev.statewire.annotation.Reactive;
import dev.statewire.codec.StateCodec;
import java.time.Duration;

@Reactive
public class State {
  abstract static class AbstractCodec implements StateCodec<Duration> {}

  static class GenericCodec<T> implements StateCodec<Duration> {
    public String encode(Duration value) { return "0"; }
    public Duration decode(String encoded) { return Duration.ZERO; }
  }

  static class NeedsArgument implements StateCodec<Duration> {
    NeedsArgument(int unit) {}
    public String encode(Duration value) { return "0"; }
    public Duration decode(String encoded) { return Duration.ZERO; }
  }

  static class Hidden implements StateCodec<Duration> {
    private Hidden() {}
    public String encode(Duration value) { return "0"; }
    public Duration decode(String encoded) { return Duration.ZERO; }
  }

  class Inner implements StateCodec<Duration> {
    public String encode(Duration value) { return "0"; }
    public Duration decode(String encoded) { return Duration.ZERO; }
  }

  static class IntCodec implements StateCodec<Integer> {
    public String encode(Integer value) { return "0"; }
    public Integer decode(String encoded) { return 0; }
  }

  @Codec(String.class) Duration notACodec; // [SW502] @Codec(String.class) on field notACodec of State: String does not implement StateCodec<java.time.Duration>. Name a non-generic
  @Codec(AbstractCodec.class) Duration abstractOne; // [SW502] AbstractCodec is abstract.
  @Codec(GenericCodec.class) Duration generic; // [SW502] GenericCodec is generic.
  @Codec(NeedsArgument.class) Duration needsArgument; // [SW502] NeedsArgument has no no-arg constructor.
  @Codec(Hidden.class) Duration hidden; // [SW502] Hidden has a no-arg constructor that the generated class cannot call (it is private).
  @Codec(Inner.class) Duration inner; // [SW502] Inner is an inner class (not static).
  @Codec(IntCodec.class) Duration wrongType; // [SW502] IntCodec does not implement StateCodec<java.time.Duration>.
  @Codec(IntCodec.class) int count;
}
