package dev.statewire.benchmarks.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import arez.Arez;
import dev.statewire.benchmarks.cellx.CellxStart;
import dev.statewire.benchmarks.graph.CountingWorkCounter;
import dev.statewire.benchmarks.kairo.KairoCase;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every JVM peer port reads upstream's values (each op throws when one is wrong) with the work
 * pinned here: computed evaluations, effect runs and glitched effect runs per op, counted inside
 * the user functions as for the direct Statewire ports. Statewire behind the same adapter must do
 * exactly the spec's minimal work (TOPOLOGIES.md, "kairo suite"), which checks the peer topologies
 * themselves; Arez and JavaFX evaluate more where they have no cut-off between computeds.
 */
class PeerPortsTest {
  private static final String KAIRO_WORK = """
      statewire, avoidablePropagation, 2002,    0
      statewire, broadPropagation,     5100, 2550
      statewire, deepPropagation,      2550,   51
      statewire, diamond,              3006,  501
      statewire, mux,                  1836,   18
      statewire, repeatedObservers,     101,  101
      statewire, triangle,             1010,  101
      statewire, unstable,              202,  101
      statewire, molBench,                9,    4
      arez,      avoidablePropagation, 5005,    0
      arez,      broadPropagation,     5100, 2550
      arez,      deepPropagation,      2550,   51
      arez,      diamond,              3006,  501
      arez,      mux,                  3618,   18
      arez,      repeatedObservers,     101,  101
      arez,      triangle,             1010,  101
      arez,      unstable,              302,  101
      arez,      molBench,               10,    4
      javafx,    avoidablePropagation, 5005,    0
      javafx,    broadPropagation,     5100, 2550
      javafx,    deepPropagation,      2550,   51
      javafx,    diamond,              3006,  501
      javafx,    mux,                  3618,   18
      javafx,    repeatedObservers,     101,  101
      javafx,    triangle,             1010,  101
      javafx,    unstable,              202,  101
      javafx,    molBench,                9,    4
      """;

  /** The thread stack of the peer benchmark forks: Arez and JavaFX recurse once per layer. */
  private static final long PEER_STACK_BYTES = 16L << 20;

  @ParameterizedTest(name = "{0} {1}: {2} computed evaluations and {3} effect runs per op")
  @CsvSource(textBlock = KAIRO_WORK)
  void everyKairoOpReadsUpstreamsValuesWithThePinnedWorkAndNoGlitch(
      String peer, String name, long evaluationsPerOp, long effectRunsPerOp) {
    CountingWorkCounter counter = new CountingWorkCounter();
    try (KairoCase kairoCase = PeerKairoTopology.named(name).build(Peer.named(peer), counter)) {
      for (int i = 0; i < 3; i++) {
        kairoCase.op();
      }
      for (int op = 1; op <= 3; op++) {
        counter.reset();
        kairoCase.op();
        String what = peer + " " + name + " op " + op;
        assertEquals(evaluationsPerOp, counter.computeds(), what + ": computed evaluations");
        assertEquals(effectRunsPerOp, counter.effects(), what + ": effect runs");
        assertEquals(0, counter.glitchedEffects(), what + ": glitched effect runs");
      }
    }
  }

  @ParameterizedTest(name = "{0} cellx{1}")
  @CsvSource(textBlock = """
      statewire, 1000
      statewire, 2500
      statewire, 5000
      arez,      1000
      arez,      2500
      arez,      5000
      javafx,    1000
      javafx,    2500
      javafx,    5000
      """)
  void cellxUpdatesReachTheSpecifiedEndsEvaluatingEveryNodeOnce(String peer, int layers)
      throws Exception {
    onPeerStack(() -> {
      CountingWorkCounter counter = new CountingWorkCounter();
      try (PeerCellx graph = new PeerCellx(Peer.named(peer), layers, counter)) {
        assertWork(4L * layers, counter, peer + " build");
        assertArrayEquals(CellxStart.FORWARD.expectedEnds(layers), graph.ends(), "after build");
        for (int update = 1; update <= 4; update++) {
          counter.reset();
          graph.update();
          assertArrayEquals(graph.current().expectedEnds(layers), graph.ends(),
              "ends after update " + update);
          assertWork(4L * layers, counter, peer + " update " + update);
        }
      }
    });
  }

  @Test
  void theWorkTableCoversEveryPeerAndCase() {
    Set<String> inTable = KAIRO_WORK.lines()
        .filter(line -> !line.isBlank())
        .map(line -> line.split(",")[0].trim() + " " + line.split(",")[1].trim())
        .collect(Collectors.toSet());
    Set<String> all = Arrays.stream(Peer.values())
        .flatMap(peer -> Arrays.stream(PeerKairoTopology.values())
            .map(topology -> peer.id() + " " + topology.upstreamName()))
        .collect(Collectors.toSet());
    assertEquals(all, inTable);
  }

  @ParameterizedTest
  @EnumSource(Peer.class)
  void everyPeerIsFoundByItsId(Peer peer) {
    assertEquals(peer, Peer.named(peer.id()));
  }

  @Test
  void arezRunsInItsProductionConfigurationWithoutSystemProperties() {
    assertFalse(Arez.shouldCheckInvariants(), "invariant checks");
    assertFalse(Arez.shouldCheckApiInvariants(), "API invariant checks");
    assertFalse(Arez.areNamesEnabled(), "names");
    assertFalse(Arez.areSpiesEnabled(), "spies");
    assertFalse(Arez.areRegistriesEnabled(), "registries");
  }

  @Test
  void anUnknownPeerIsRejectedWithTheValidNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Peer.named("rxjava"));
    assertEquals("no JVM peer named 'rxjava'; use statewire, arez or javafx", e.getMessage());
  }

  private static void assertWork(long expected, CountingWorkCounter counter, String when) {
    assertEquals(expected, counter.computeds(), "computed evaluations in " + when);
    assertEquals(expected, counter.effects(), "effect runs in " + when);
    assertEquals(0, counter.glitchedEffects(), "glitched effect runs in " + when);
  }

  /** Runs {@code body} on a thread with the peer forks' stack and rethrows what it threw. */
  private static void onPeerStack(Runnable body) throws Exception {
    FutureTask<Void> task = new FutureTask<>(body, null);
    Thread thread = new Thread(null, task, "peer-stack", PEER_STACK_BYTES);
    thread.start();
    try {
      task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw (Exception) e.getCause();
    }
  }
}
