package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.codec.MissingCodecException;
import dev.statewire.codec.StateCodec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The store with a class the processor generated: its stateFields() and codecs. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GeneratedStateTest {
  private static RedisServerFixture server;
  private static RedisStateStore first;
  private static RedisStateStore second;

  @BeforeAll
  static void start() throws Exception {
    server = RedisServerFixture.startNew();
    first = RedisStateStore.builder(server.uri()).keyPrefix("generated:").build();
    second = RedisStateStore.builder(server.uri()).keyPrefix("generated:").build();
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    server.close();
  }

  @Test
  void actionsOfAGeneratedClassArePersistedAndReplicated() throws Exception {
    try (ReactiveContext a = first.context("session:a");
        ReactiveContext b = second.context("session:a")) {
      ReactiveSessionState writer = first.bind(a, "state", new ReactiveSessionState(a));
      ReactiveSessionState replica = second.bind(b, "state", new ReactiveSessionState(b));
      List<Integer> seen = new CopyOnWriteArrayList<>();
      b.effect(() -> seen.add(replica.count()));

      writer.increment();
      writer.increment();

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (replica.count() != 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(2, replica.count());
      assertEquals(SessionState.Phase.RUNNING, replica.phase());
      assertEquals(List.of(new SessionState.Entry("incremented", 1),
          new SessionState.Entry("incremented", 2)), replica.log());
      assertTrue(seen.contains(2), "the replica's effect ran: " + seen);

      replica.increment(); // the replica writes too: under the lease, from the latest state
      assertEquals(3, replica.count());
    }
  }

  @Test
  void fieldWithoutACodecFailsAtBindUnlessTheStoreHasOneForItsType() {
    try (ReactiveContext context = first.context("session:timer")) {
      MissingCodecException e = assertThrows(MissingCodecException.class,
          () -> first.bind(context, "timer", new ReactiveTimer(context)));
      assertTrue(e.getMessage().contains("timeout") && e.getMessage().contains("java.time.Duration"),
          e.getMessage());
    }
    StateCodec<Duration> millis = new StateCodec<>() {
      @Override
      public String encode(Duration value) {
        return Long.toString(value.toMillis());
      }

      @Override
      public Duration decode(String encoded) {
        return Duration.ofMillis(Long.parseLong(encoded));
      }
    };
    try (RedisStateStore withCodec = RedisStateStore.builder(server.uri())
            .keyPrefix("generated:").codec(Duration.class, millis).build();
        ReactiveContext a = withCodec.context("session:timer");
        ReactiveContext b = withCodec.context("session:timer")) {
      ReactiveTimer timer = withCodec.bind(a, "timer", new ReactiveTimer(a));
      timer.extend(Duration.ofSeconds(3));
      ReactiveTimer other = withCodec.bind(b, "timer", new ReactiveTimer(b));
      assertEquals(Duration.ofSeconds(3), other.timeout());
    }
  }

  @Test
  void leaseHeldElsewhereTimesOutTypedAndLeavesTheStateUnchanged() {
    try (RedisStateStore impatient = RedisStateStore.builder(server.uri())
            .keyPrefix("generated:").acquireTimeout(Duration.ofMillis(200)).build();
        ReactiveContext context = impatient.context("session:busy")) {
      ReactiveSessionState state = impatient.bind(context, "state", new ReactiveSessionState(context));
      RedisClient client = RedisClient.create(server.uri());
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        connection.sync().set(ContextKeys.of("generated:", "session:busy").lease(), "other JVM",
            SetArgs.Builder.px(Duration.ofMinutes(1).toMillis()));
        LeaseTimeoutException e = assertThrows(LeaseTimeoutException.class, state::increment);
        assertEquals("session:busy", e.key());
        assertEquals(0, state.count());
      } finally {
        client.shutdown();
      }
    }
  }

  @Test
  void unboundGeneratedObjectFailsOnItsFirstActionNamingItsClass() {
    try (ReactiveContext context = first.context("session:unbound")) {
      ReactiveSessionState forgotten = new ReactiveSessionState(context);
      UnboundObjectException e = assertThrows(UnboundObjectException.class, forgotten::increment);
      assertTrue(e.getMessage().contains("SessionState"), e.getMessage());
      assertEquals(0, forgotten.count());
    }
  }
}
