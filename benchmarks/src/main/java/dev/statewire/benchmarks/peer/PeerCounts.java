package dev.statewire.benchmarks.peer;

import dev.statewire.benchmarks.graph.CountingWorkCounter;
import dev.statewire.benchmarks.kairo.KairoCase;

/**
 * Prints, as JSON lines for {@code benchmarks/js/aggregate.mjs}, the work every peer does per op
 * on every peer topology: computed evaluations, effect runs and glitched effect runs (kairo: the
 * fourth op after the build; cellx: the build and the first update), and each peer's semantic
 * trade-offs. A case that fails (a wrong value, a stack overflow) prints its error instead, and
 * the peer's later cases are not run.
 * Arez and JavaFX recurse once per cellx layer: run it with {@code -Xss16m}, the stack of the
 * peer benchmark forks (on HotSpot's default 1 MB, a cold JVM overflows on Arez cellx2500 and
 * JavaFX cellx5000).
 * {@code benchmarks/compare.sh} runs it once per comparison; it times nothing.
 */
public final class PeerCounts {
  private static final int[] CELLX_LAYERS = {1000, 2500, 5000};

  private PeerCounts() {}

  /** Runs every peer on every topology and prints one line per (peer, case). */
  public static void main(String[] args) {
    for (Peer peer : Peer.values()) {
      System.out.println("{\"suite\":\"peer-semantics\",\"peer\":" + quote(peer.id())
          + ",\"threadSafety\":" + quote(peer.threadSafety())
          + ",\"glitches\":" + quote(peer.glitches())
          + ",\"cutOff\":" + quote(peer.cutOff()) + "}");
      String failed = null;
      for (PeerKairoTopology topology : PeerKairoTopology.values()) {
        failed = failed != null ? skip(peer, topology.upstreamName(), failed)
            : countKairo(peer, topology);
      }
      for (int layers : CELLX_LAYERS) {
        failed = failed != null ? skip(peer, "cellx" + layers, failed) : countCellx(peer, layers);
      }
    }
  }

  /**
   * Counts the fourth op of the case; returns null, or the case's name when it failed. A failed
   * graph is not closed, and the peer's later cases are skipped: after a stack overflow inside a
   * library (Arez keeps one global context), its state is not to be trusted.
   */
  private static String countKairo(Peer peer, PeerKairoTopology topology) {
    CountingWorkCounter counter = new CountingWorkCounter();
    String name = topology.upstreamName();
    KairoCase kairoCase;
    try {
      kairoCase = topology.build(peer, counter);
      for (int i = 0; i < 3; i++) {
        kairoCase.op();
      }
      counter.reset();
      kairoCase.op();
    } catch (RuntimeException | StackOverflowError e) {
      printError(peer, name, e.toString());
      return name;
    }
    print(peer, name, counter);
    kairoCase.close();
    return null;
  }

  /** Counts the build and the first update; returns null, or the case's name when it failed. */
  private static String countCellx(Peer peer, int layers) {
    String name = "cellx" + layers;
    CountingWorkCounter counter = new CountingWorkCounter();
    PeerCellx graph;
    try {
      graph = new PeerCellx(peer, layers, counter);
      print(peer, name + "/build", counter);
      counter.reset();
      graph.update();
    } catch (RuntimeException | StackOverflowError e) {
      printError(peer, name, e.toString());
      return name;
    }
    print(peer, name + "/update", counter);
    graph.close();
    return null;
  }

  private static String skip(Peer peer, String name, String failed) {
    printError(peer, name, "not run: " + failed + " failed before it");
    return failed;
  }

  private static void print(Peer peer, String name, CountingWorkCounter counter) {
    System.out.println("{\"suite\":\"peer-counts\",\"peer\":" + quote(peer.id())
        + ",\"case\":" + quote(name) + ",\"computeds\":" + counter.computeds()
        + ",\"effects\":" + counter.effects()
        + ",\"glitches\":" + counter.glitchedEffects() + "}");
  }

  private static void printError(Peer peer, String name, String error) {
    System.out.println("{\"suite\":\"peer-counts\",\"peer\":" + quote(peer.id())
        + ",\"case\":" + quote(name) + ",\"error\":" + quote(error) + "}");
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }
}
