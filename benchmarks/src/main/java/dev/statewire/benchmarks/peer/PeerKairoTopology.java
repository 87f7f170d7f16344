package dev.statewire.benchmarks.peer;

import static dev.statewire.benchmarks.graph.TopologyCheckException.checkEquals;
import static dev.statewire.benchmarks.kairo.UserWork.busy;
import static dev.statewire.benchmarks.kairo.UserWork.hard;

import dev.statewire.benchmarks.graph.WorkCounter;
import dev.statewire.benchmarks.kairo.KairoCase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The nine kairo cases (TOPOLOGIES.md, "kairo suite", "molBench") on a JVM peer: the same graphs, ops and checks
 * as the direct Statewire ports in {@code dev.statewire.benchmarks.kairo}, built through
 * {@link PeerGraph}. Every op checks upstream's values and the effect runs the spec names; the
 * computed evaluations are counted, not checked, because a peer without cut-off evaluates more.
 */
public enum PeerKairoTopology {
  AVOIDABLE_PROPAGATION("avoidablePropagation", PeerKairoTopology::avoidablePropagation),
  BROAD_PROPAGATION("broadPropagation", PeerKairoTopology::broadPropagation),
  DEEP_PROPAGATION("deepPropagation", PeerKairoTopology::deepPropagation),
  DIAMOND("diamond", PeerKairoTopology::diamond),
  MUX("mux", PeerKairoTopology::mux),
  REPEATED_OBSERVERS("repeatedObservers", PeerKairoTopology::repeatedObservers),
  TRIANGLE("triangle", PeerKairoTopology::triangle),
  UNSTABLE("unstable", PeerKairoTopology::unstable),
  MOL_BENCH("molBench", PeerKairoTopology::molBench);

  private final String upstreamName;
  private final Function<PeerGraph, Runnable> builder;

  PeerKairoTopology(String upstreamName, Function<PeerGraph, Runnable> builder) {
    this.upstreamName = upstreamName;
    this.builder = builder;
  }

  /** The case's name in milomg/js-reactivity-benchmark, kairo.mjs and {@code KairoBench}. */
  public String upstreamName() {
    return upstreamName;
  }

  /** Builds the case's graph in {@code peer}'s library; its effects run once now. */
  public KairoCase build(Peer peer, WorkCounter counter) {
    PeerGraph graph = new PeerGraph(peer, counter);
    Runnable op = builder.apply(graph);
    return new KairoCase() {
      @Override
      public void op() {
        op.run();
      }

      @Override
      public void close() {
        graph.close();
      }
    };
  }

  /** The case with the given upstream name, e.g. {@code "deepPropagation"}. */
  public static PeerKairoTopology named(String upstreamName) {
    for (PeerKairoTopology topology : values()) {
      if (topology.upstreamName.equals(upstreamName)) {
        return topology;
      }
    }
    throw new IllegalArgumentException("no kairo case named '" + upstreamName
        + "'; use one of the upstream names, e.g. deepPropagation");
  }

  private static Runnable avoidablePropagation(PeerGraph g) {
    PeerSignal<Integer> head = g.signal(0);
    PeerValue<Integer> c1 = g.computed(head::get, head);
    PeerValue<Integer> c2 = g.computed(() -> {
      c1.get();
      return 0;
    }, c1);
    PeerValue<Integer> c3 = g.computed(() -> {
      busy();
      return c2.get() + 1;
    }, c2);
    PeerValue<Integer> c4 = g.computed(() -> c3.get() + 2, c3);
    PeerValue<Integer> c5 = g.computed(() -> c4.get() + 3, c4);
    int[] effectRuns = new int[1];
    g.effect(c5, () -> {
      c5.get();
      busy();
      effectRuns[0]++;
    });
    return () -> {
      effectRuns[0] = 0;
      g.set(head, 1);
      checkEquals(6, c5.get(), "avoidablePropagation: c5");
      for (int i = 0; i < 1000; i++) {
        g.set(head, i);
        checkEquals(6, c5.get(), "avoidablePropagation: c5");
      }
      checkEquals(0, effectRuns[0], "avoidablePropagation: effect runs");
    };
  }

  private static Runnable broadPropagation(PeerGraph g) {
    PeerSignal<Integer> head = g.signal(0);
    int[] effectRuns = new int[1];
    PeerValue<Integer> current = head;
    for (int i = 0; i < 50; i++) {
      int offset = i;
      PeerValue<Integer> a = g.computed(() -> head.get() + offset, head);
      PeerValue<Integer> b = g.computed(() -> a.get() + 1, a);
      g.effect(b, () -> {
        b.get();
        effectRuns[0]++;
      });
      current = b;
    }
    PeerValue<Integer> last = current;
    return () -> {
      g.set(head, 1);
      effectRuns[0] = 0;
      for (int i = 0; i < 50; i++) {
        g.set(head, i);
        checkEquals(i + 50, last.get(), "broadPropagation: last");
      }
      checkEquals(2500, effectRuns[0], "broadPropagation: effect runs");
    };
  }

  private static Runnable deepPropagation(PeerGraph g) {
    PeerSignal<Integer> head = g.signal(0);
    PeerValue<Integer> current = head;
    for (int k = 0; k < 50; k++) {
      PeerValue<Integer> previous = current;
      current = g.computed(() -> previous.get() + 1, previous);
    }
    PeerValue<Integer> tail = current;
    int[] effectRuns = new int[1];
    g.effect(tail, () -> {
      tail.get();
      effectRuns[0]++;
    });
    return () -> {
      g.set(head, 1);
      effectRuns[0] = 0;
      for (int i = 0; i < 50; i++) {
        g.set(head, i);
        checkEquals(50 + i, tail.get(), "deepPropagation: n50");
      }
      checkEquals(50, effectRuns[0], "deepPropagation: effect runs");
    };
  }

  private static Runnable diamond(PeerGraph g) {
    PeerSignal<Integer> head = g.signal(0);
    List<PeerValue<Integer>> middle = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      middle.add(g.computed(() -> head.get() + 1, head));
    }
    PeerValue<Integer> sum = g.computed(() -> {
      int s = 0;
      for (PeerValue<Integer> m : middle) {
        s += m.get();
      }
      return s;
    }, middle.toArray(new PeerValue<?>[0]));
    int[] effectRuns = new int[1];
    g.effect(sum, () -> {
      sum.get();
      effectRuns[0]++;
    });
    return () -> {
      g.set(head, 1);
      checkEquals(10, sum.get(), "diamond: sum");
      effectRuns[0] = 0;
      for (int i = 0; i < 500; i++) {
        g.set(head, i);
        checkEquals(5 * (i + 1), sum.get(), "diamond: sum");
      }
      checkEquals(500, effectRuns[0], "diamond: effect runs");
    };
  }

  private static Runnable mux(PeerGraph g) {
    int width = 100;
    List<PeerSignal<Integer>> heads = new ArrayList<>();
    for (int k = 0; k < width; k++) {
      heads.add(g.signal(0));
    }
    PeerValue<int[]> mux = g.computed(() -> {
      int[] values = new int[width];
      for (int k = 0; k < width; k++) {
        values[k] = heads.get(k).get();
      }
      return values;
    }, heads.toArray(new PeerValue<?>[0]));
    List<PeerValue<Integer>> plusOne = new ArrayList<>();
    for (int k = 0; k < width; k++) {
      int index = k;
      PeerValue<Integer> split = g.computed(() -> mux.get()[index], mux);
      plusOne.add(g.computed(() -> split.get() + 1, split));
    }
    for (PeerValue<Integer> q : plusOne) {
      g.effect(q, q::get);
    }
    return () -> {
      for (int i = 0; i < 10; i++) {
        g.set(heads.get(i), i);
        checkEquals(i + 1, plusOne.get(i).get(), "mux: q_i");
      }
      for (int i = 0; i < 10; i++) {
        g.set(heads.get(i), i * 2);
        checkEquals(i * 2 + 1, plusOne.get(i).get(), "mux: q_i");
      }
    };
  }

  private static Runnable repeatedObservers(PeerGraph g) {
    PeerSignal<Integer> head = g.signal(0);
    PeerValue<Integer> sum = g.computed(() -> {
      int s = 0;
      for (int i = 0; i < 30; i++) {
        s += head.get();
      }
      return s;
    }, head);
    int[] effectRuns = new int[1];
    g.effect(sum, () -> {
      sum.get();
      effectRuns[0]++;
    });
    return () -> {
      g.set(head, 1);
      checkEquals(30, sum.get(), "repeatedObservers: c");
      effectRuns[0] = 0;
      for (int i = 0; i < 100; i++) {
        g.set(head, i);
        checkEquals(i * 30, sum.get(), "repeatedObservers: c");
      }
      checkEquals(100, effectRuns[0], "repeatedObservers: effect runs");
    };
  }

  private static Runnable triangle(PeerGraph g) {
    PeerSignal<Integer> head = g.signal(0);
    List<PeerValue<Integer>> list = new ArrayList<>();
    PeerValue<Integer> current = head;
    for (int k = 0; k < 10; k++) {
      PeerValue<Integer> previous = current;
      list.add(previous);
      current = g.computed(() -> previous.get() + 1, previous);
    }
    PeerValue<Integer> sum = g.computed(() -> {
      int s = 0;
      for (PeerValue<Integer> n : list) {
        s += n.get();
      }
      return s;
    }, list.toArray(new PeerValue<?>[0]));
    int[] effectRuns = new int[1];
    g.effect(sum, () -> {
      sum.get();
      effectRuns[0]++;
    });
    return () -> {
      g.set(head, 1);
      checkEquals(55, sum.get(), "triangle: sum");
      effectRuns[0] = 0;
      for (int i = 0; i < 100; i++) {
        g.set(head, i);
        checkEquals(45 + i * 10, sum.get(), "triangle: sum");
      }
      checkEquals(100, effectRuns[0], "triangle: effect runs");
    };
  }

  private static Runnable unstable(PeerGraph g) {
    PeerSignal<Integer> head = g.signal(0);
    PeerValue<Integer> twice = g.computed(() -> head.get() * 2, head);
    PeerValue<Integer> inverse = g.computed(() -> -head.get(), head);
    PeerValue<Integer> current = g.computed(() -> {
      int result = 0;
      for (int i = 0; i < 20; i++) {
        result += head.get() % 2 != 0 ? twice.get() : inverse.get();
      }
      return result;
    }, head, twice, inverse);
    int[] effectRuns = new int[1];
    g.effect(current, () -> {
      current.get();
      effectRuns[0]++;
    });
    return () -> {
      g.set(head, 1);
      checkEquals(40, current.get(), "unstable: c");
      effectRuns[0] = 0;
      for (int i = 0; i < 100; i++) {
        g.set(head, i);
        checkEquals(i % 2 != 0 ? i * 40 : i * -20, current.get(), "unstable: c");
      }
      checkEquals(100, effectRuns[0], "unstable: effect runs");
    };
  }

  private static Runnable molBench(PeerGraph g) {
    PeerSignal<Integer> a = g.signal(0);
    PeerSignal<Integer> b = g.signal(0);
    PeerValue<Integer> c = g.computed(() -> a.get() % 2 + b.get() % 2, a, b);
    PeerValue<int[]> d = g.computed(() -> {
      int[] xs = new int[5];
      for (int k = 0; k < 5; k++) {
        xs[k] = k + a.get() % 2 - b.get() % 2;
      }
      return xs;
    }, a, b);
    PeerValue<Integer> e = g.computed(() -> hard(c.get() + a.get() + d.get()[0]), c, a, d);
    PeerValue<Integer> f = g.computed(() -> {
      int x = d.get()[2];
      return hard(x != 0 ? x : b.get());
    }, d, b);
    PeerValue<Integer> gg = g.computed(() -> {
      int first = c.get();
      int second = c.get();
      return first + (second != 0 ? second : e.get() % 2) + d.get()[4] + f.get();
    }, c, e, d, f);
    List<Integer> results = new ArrayList<>();
    g.effect(gg, () -> results.add(hard(gg.get())));
    g.effect(gg, () -> results.add(gg.get()));
    g.effect(f, () -> results.add(hard(f.get())));
    int[] i = {1};
    return () -> {
      results.clear();
      g.batch(() -> {
        b.set(1);
        a.set(1 + i[0] * 2);
      });
      g.batch(() -> {
        a.set(2 + i[0] * 2);
        b.set(2);
      });
      i[0]++;
      checkEquals(4, results.size(), "molBench: effect results");
      int sum = 0;
      for (int result : results) {
        sum += result;
      }
      checkEquals(9616, sum, "molBench: sum of effect results");
    };
  }
}
