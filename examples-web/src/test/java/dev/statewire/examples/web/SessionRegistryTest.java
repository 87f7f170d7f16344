package dev.statewire.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.examples.ReactiveTaskState;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions on a clock the test moves: the cap, the lookups and the idle timeout. */
class SessionRegistryTest {
  private static final Duration IDLE = Duration.ofMinutes(10);

  private final AtomicLong clock = new AtomicLong();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final SessionRegistry sessions = registry(false);

  private SessionRegistry registry(boolean adoptsUnknownTokens) {
    return new SessionRegistry(2, IDLE, clock::get,
        token -> new TabSession(token, TabStates.local(executor), Duration.ofHours(1),
            new TabLimits(8, 4), clock.get()),
        adoptsUnknownTokens);
  }

  @AfterEach
  void close() {
    sessions.closeAll();
    executor.shutdownNow();
  }

  @Test
  void createsUpToTheCapThenRefusesWith503() {
    TabSession first = sessions.create();
    TabSession second = sessions.create();
    assertFalse(first.token().equals(second.token()));
    HttpError full = assertThrows(HttpError.class, sessions::create);
    assertEquals(503, full.status());
    assertEquals(2, sessions.size());
  }

  @Test
  void findsByTokenAndRefusesUnknownAndMalformedOnes() {
    TabSession tab = sessions.create();
    assertEquals(tab, sessions.find(tab.token()));
    assertEquals(404, assertThrows(HttpError.class,
        () -> sessions.find("B".repeat(22))).status());
    assertEquals(400, assertThrows(HttpError.class,
        () -> sessions.find("../../etc/passwd")).status());
  }

  @Test
  void aRegistryOfSharedTabsOpensASessionForAWellFormedTokenItDoesNotHold() {
    SessionRegistry shared = registry(true);
    try {
      String handedOutElsewhere = "B".repeat(22);
      TabSession adopted = shared.find(handedOutElsewhere);
      assertEquals(handedOutElsewhere, adopted.token());
      assertEquals(adopted, shared.find(handedOutElsewhere));
      assertEquals(400, assertThrows(HttpError.class,
          () -> shared.find("../../etc/passwd")).status());
      shared.find("C".repeat(22));
      assertEquals(503, assertThrows(HttpError.class, () -> shared.find("D".repeat(22))).status(),
          "adopting counts against the cap");
    } finally {
      shared.closeAll();
    }
  }

  @Test
  void anIdleTabIsClosedAndItsLoopCancelledOnceTheTimeoutHasPassed() {
    TabSession tab = sessions.create();
    tab.act(() -> tab.state().toggleRunning());
    ReactiveTaskState state = tab.state();
    assertEquals(1, state.backgroundTasks().size());

    clock.addAndGet(IDLE.toNanos() - 1);
    assertEquals(0, sessions.expireIdle(), "not idle long enough yet");
    sessions.find(tab.token());                          // a request: seen now
    clock.addAndGet(IDLE.toNanos() - 1);
    assertEquals(0, sessions.expireIdle(), "the request restarted the timeout");

    clock.addAndGet(1);
    assertEquals(1, sessions.expireIdle());
    assertTrue(tab.isClosed());
    assertTrue(state.backgroundTasks().isEmpty(), "closing the tab cancelled its loop");
    assertTrue(state.reactiveContext().isClosed(), "and closed its context");
    assertEquals(404, assertThrows(HttpError.class, () -> sessions.find(tab.token())).status());
    assertEquals(404, assertThrows(HttpError.class, tab::openStream).status());
    sessions.create();
    sessions.create();                                   // its place under the cap is free again
  }

  @Test
  void aTabWithAnOpenStreamNeverExpiresAndTheTimeoutStartsWhenItCloses() {
    TabSession tab = sessions.create();
    LatestValue<CounterView> stream = tab.openStream();
    clock.addAndGet(IDLE.toNanos() * 100);
    assertEquals(0, sessions.expireIdle());
    tab.streamEnded(stream, clock.get());
    assertEquals(0, sessions.expireIdle());
    clock.addAndGet(IDLE.toNanos());
    assertEquals(1, sessions.expireIdle());
  }

  @Test
  void closingATabEndsItsStreams() {
    TabSession tab = sessions.create();
    LatestValue<CounterView> stream = tab.openStream();
    sessions.closeAll();
    assertTrue(stream.isClosed());
    assertEquals(0, sessions.size());
  }
}
