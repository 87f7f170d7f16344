package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import dev.statewire.codec.CodecException;
import dev.statewire.codec.MissingCodecException;
import dev.statewire.codec.StateField;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a store sees of a generated class: {@code stateFields()} lists every persisted field with a
 * codec that round-trips its value, and {@code write} commits like an action, with the lock block
 * it runs in.
 */
class StateFieldsTest {
  private final ReactiveContext context = ReactiveContext.builder().name("state-fields").build();

  @Test
  void everyReactiveFieldButTheTransientOneIsListedInDeclarationOrderWithACodec() {
    try (ReactiveStoredProfile profile = new ReactiveStoredProfile(context)) {
      List<String> names = profile.stateFields().stream().map(StateField::name).toList();
      assertEquals(
          List.of(
              "active",
              "level",
              "rank",
              "visits",
              "id",
              "initial",
              "ratio",
              "balance",
              "verified",
              "boxedLevel",
              "boxedRank",
              "age",
              "boxedId",
              "boxedInitial",
              "boxedRatio",
              "boxedBalance",
              "name",
              "role",
              "home",
              "lucky",
              "trips",
              "grants",
              "scores",
              "placesByRole",
              "timeout"),
          names);
      assertTrue(profile.stateFields().stream().allMatch(StateField::hasCodec));
      assertEquals(
          "java.util.Map<dev.statewire.it.StoredProfile.Role,"
              + "java.util.List<dev.statewire.it.StoredProfile.Place>>",
          field(profile, "placesByRole").typeName());
    }
  }

  @Test
  void everyFieldRoundTripsThroughItsCodec() {
    try (ReactiveStoredProfile profile = new ReactiveStoredProfile(context)) {
      profile.fill();
      for (StateField<?> field : profile.stateFields()) {
        assertRoundTrips(field);
      }
    }
  }

  @Test
  void defaultsAndNullsRoundTripToo() {
    try (ReactiveStoredProfile profile = new ReactiveStoredProfile(context)) {
      for (StateField<?> field : profile.stateFields()) {
        assertRoundTrips(field);
      }
    }
  }

  @Test
  void aStoreCopiesOneInstanceIntoAnotherInOneLockBlockAndItsEffectRunsOnce() {
    try (ReactiveStoredProfile source = new ReactiveStoredProfile(context);
        ReactiveStoredProfile replica = new ReactiveStoredProfile(context)) {
      source.fill();
      int runsBefore = replica.effectRuns.get();
      try (LockGuard self = Statewire.lock(replica)) {
        List<StateField<?>> from = source.stateFields();
        List<StateField<?>> to = replica.stateFields();
        for (int i = 0; i < from.size(); i++) {
          copy(from.get(i), to.get(i));
        }
        assertEquals(runsBefore, replica.effectRuns.get(), "nothing is published inside the block");
      }
      assertEquals(runsBefore + 1, replica.effectRuns.get());
      for (int i = 0; i < source.stateFields().size(); i++) {
        assertEquals(
            source.stateFields().get(i).committed().peek(),
            replica.stateFields().get(i).committed().peek(),
            source.stateFields().get(i).name());
      }
      assertEquals(source.getName(), replica.getName());
      assertEquals(0, replica.renders, "transient fields are not copied");
    }
  }

  @Test
  void aWriteInsideALockBlockIsCommittedWithTheBlock() {
    try (ReactiveStoredProfile profile = new ReactiveStoredProfile(context)) {
      StateField<?> visits = field(profile, "visits");
      try (LockGuard self = Statewire.lock(profile)) {
        decodeAndWrite(visits, "17");
        assertEquals(0, visits.committed().peek(), "not committed before the block ends");
        assertEquals(17, profile.getVisits(), "read-your-writes inside the block");
      }
      assertEquals(17, visits.committed().peek());
      assertEquals(17, profile.getVisits());
    }
  }

  @Test
  void aWriteInALockBlockThatFailsIsRolledBack() {
    try (ReactiveStoredProfile profile = new ReactiveStoredProfile(context)) {
      StateField<?> name = field(profile, "name");
      assertThrows(
          IllegalStateException.class,
          () ->
              Statewire.lock(
                  profile,
                  () -> {
                    decodeAndWrite(name, "\"lost\"");
                    throw new IllegalStateException("the block fails after the write");
                  }));
      assertEquals(null, name.committed().peek());
      assertEquals(null, profile.getName());
    }
  }

  @Test
  void aWriteOutsideALockBlockIsAnActionThatCommitsAtOnce() {
    try (ReactiveStoredProfile profile = new ReactiveStoredProfile(context)) {
      int runsBefore = profile.effectRuns.get();
      decodeAndWrite(field(profile, "name"), "\"direct\"");
      assertEquals("direct", profile.getName());
      assertEquals(runsBefore + 1, profile.effectRuns.get());
    }
  }

  @Test
  void textTheCodecRefusesIsACodecExceptionAndWritesNothing() {
    try (ReactiveStoredProfile profile = new ReactiveStoredProfile(context)) {
      StateField<?> role = field(profile, "role");
      CodecException refused =
          assertThrows(CodecException.class, () -> decodeAndWrite(role, "\"ROOT\""));
      assertTrue(refused.getMessage().contains("(GUEST, MEMBER, ADMIN)"), refused.getMessage());
      assertEquals(StoredProfile.Role.GUEST, role.committed().peek());
    }
  }

  @Test
  void aFieldWithoutACodecIsListedAndSaysHowToGiveItOne() {
    try (ReactiveBox<String> box = new ReactiveBox<>(context, "a")) {
      List<StateField<?>> fields = box.stateFields();
      assertEquals(List.of("value", "history"), fields.stream().map(StateField::name).toList());
      assertEquals("T", fields.get(0).typeName());
      assertFalse(fields.get(0).hasCodec());
      MissingCodecException missing =
          assertThrows(MissingCodecException.class, () -> fields.get(1).codec());
      assertTrue(
          missing.getMessage().startsWith("field 'history' of type java.util.List<T> has no codec"),
          missing.getMessage());
      assertEquals("a", fields.get(0).committed().peek());
    }
  }

  private static StateField<?> field(ReactiveStoredProfile profile, String name) {
    return profile.stateFields().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static <T> void assertRoundTrips(StateField<T> field) {
    T value = field.committed().peek();
    String encoded = field.codec().encode(value);
    assertEquals(value, field.codec().decode(encoded), field.name() + " as " + encoded);
  }

  private static <T> void decodeAndWrite(StateField<T> field, String encoded) {
    field.write(field.codec().decode(encoded));
  }

  /** What a store does with one field: encodes one instance's value, decodes it into another's. */
  private static <T> void copy(StateField<T> from, StateField<?> to) {
    decodeAndWrite(to, from.codec().encode(from.committed().peek()));
  }
}
