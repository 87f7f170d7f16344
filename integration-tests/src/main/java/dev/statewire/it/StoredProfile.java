package dev.statewire.it;

import dev.statewire.annotation.Codec;
import dev.statewire.annotation.Effect;
import dev.statewire.annotation.Reactive;
import dev.statewire.codec.StateCodec;
import dev.statewire.codec.StateCodecs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class meant for a store, with a field of every kind the processor generates a codec for, one
 * with a codec of its own ({@code @Codec}) and a transient one the store leaves alone.
 */
@Reactive(stored = true)
public class StoredProfile {
  /** A user's role. */
  public enum Role {
    GUEST,
    MEMBER,
    ADMIN
  }

  /** A point on a map. */
  public record Place(String name, double lat, double lon) {}

  /** A generic record, used at one type. */
  public record Tagged<T>(T value, Set<String> tags) {}

  /** Milliseconds, as a JSON number: a codec for a JDK type the processor has none for. */
  public static final class MillisCodec implements StateCodec<Duration> {
    @Override
    public String encode(Duration value) {
      return value == null ? "null" : StateCodecs.LONG.encode(value.toMillis());
    }

    @Override
    public Duration decode(String encoded) {
      Long millis = StateCodecs.BOXED_LONG.decode(encoded);
      return millis == null ? null : Duration.ofMillis(millis);
    }
  }

  boolean active;
  byte level;
  short rank;
  int visits;
  long id;
  char initial;
  float ratio;
  double balance;
  Boolean verified;
  Byte boxedLevel;
  Short boxedRank;
  Integer age;
  Long boxedId;
  Character boxedInitial;
  Float boxedRatio;
  Double boxedBalance;
  String name;
  Role role = Role.GUEST;
  Place home;
  Tagged<Integer> lucky;
  List<Place> trips = List.of();
  Set<Role> grants = Set.of();
  Map<String, Integer> scores = Map.of();
  Map<Role, List<Place>> placesByRole = Map.of();

  @Codec(MillisCodec.class)
  Duration timeout = Duration.ZERO;

  transient int renders;

  /** How often the effect ran; written by the test's effect only. */
  final java.util.concurrent.atomic.AtomicInteger effectRuns =
      new java.util.concurrent.atomic.AtomicInteger();

  public String getName() {
    return name;
  }

  public int getVisits() {
    return visits;
  }

  public void setName(String name) {
    this.name = name;
  }

  /** Fills every persisted field with a value other than its default. */
  public void fill() {
    active = true;
    level = -7;
    rank = 300;
    visits = 42;
    id = Long.MIN_VALUE;
    initial = '\u00e9';
    ratio = 0.1f;
    balance = -0.0;
    verified = false;
    boxedLevel = Byte.MAX_VALUE;
    boxedRank = null;
    age = 31;
    boxedId = 1L << 53;
    boxedInitial = '"';
    boxedRatio = Float.NaN;
    boxedBalance = Double.NEGATIVE_INFINITY;
    name = "Zoë \"the\" \uD83D\uDE00 tester\n";
    role = Role.ADMIN;
    home = new Place("Gare du Nord", 48.8809, 2.3553);
    lucky = new Tagged<>(7, Set.of("prime"));
    trips = List.of(new Place("Lyon", 45.76, 4.83), new Place("", 0, 0));
    grants = Set.of(Role.MEMBER, Role.ADMIN);
    scores = Map.of("chess", 1500, "go", -1);
    placesByRole = Map.of(Role.GUEST, List.of(), Role.ADMIN, List.of(new Place("HQ", 1, 2)));
    timeout = Duration.ofSeconds(90);
    renders = 5;
  }

  @Effect
  void countRuns() {
    java.util.Objects.hashCode(name); // reads name: runs again when a store writes it
    effectRuns.incrementAndGet();
  }
}
