package dev.statewire.benchmarks.memory;

import dev.statewire.Computed;
import dev.statewire.Effect;
import dev.statewire.IntComputed;
import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import java.util.function.Supplier;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Bytes per node of the runtime (BENCHMARKS.md), measured with JOL: for each kind of node,
 * everything reachable from N nodes is laid out and compared with 2N nodes, so what all nodes
 * share (the context, the cached {@code Integer}s) cancels out and the difference divided by N is
 * the cost of one more node. Values stay in −128..127 (the {@code Integer} cache) except in the
 * line that measures boxing. Each measurement uses its own {@link ReactiveContext}, and fails if
 * the nodes reach a thread or a class loader: through them the walk would take in JVM-wide state
 * (class loaders, reflection caches) that grows between the two walks, and the difference would
 * count it.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statewire.benchmarks.memory.MemoryFootprint [N]}
 * (default N = 100000). Prints a table, then one JSON line per quantity.
 */
public final class MemoryFootprint {
  private static final int DEFAULT_N = 100_000;

  private MemoryFootprint() {}

  /** Measures and prints; the optional argument is N. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_N;
    // Lambdas are hidden classes, whose field offsets JOL can only read this way.
    if (System.getProperty("jol.magicFieldOffset") == null) {
      System.setProperty("jol.magicFieldOffset", "true");
    }
    double signal = perNode(n, (ctx, i) -> ctx.signal(i & 63));
    double boxedSignal = perNode(n, (ctx, i) -> ctx.signal(1000 + i));
    double intSignal = perNode(n, (ctx, i) -> ctx.intSignal(1000 + i));
    double longSignal = perNode(n, (ctx, i) -> ctx.longSignal(1000L + i));
    double doubleSignal = perNode(n, (ctx, i) -> ctx.doubleSignal(1000.5 + i));
    double unreadComputed = perNode(n, MemoryFootprint::unreadComputed);
    double linkedComputed = perNode(n, MemoryFootprint::linkedComputed);
    double linkedIntComputed = perNode(n, MemoryFootprint::linkedIntComputed);
    double effect = perNode(n, MemoryFootprint::effectOnLinkedComputed);
    long computedLambda = VM.current().sizeOf(readerOf(Signal.of(1)));
    long effectLambda = VM.current().sizeOf(effectBodyReading(Computed.of(() -> 1)));

    Row[] rows = {
      new Row("signal", signal, "Signal with a cached Integer value"),
      new Row("signal.boxed", boxedSignal, "Signal whose value is an Integer outside the cache"),
      new Row("signal.int", intSignal, "IntSignal (the value unboxed, any value)"),
      new Row("signal.long", longSignal, "LongSignal (the value unboxed, any value)"),
      new Row("signal.double", doubleSignal, "DoubleSignal (the value unboxed, any value)"),
      new Row("computed.unread", unreadComputed - signal,
          "Computed created, never read (with its lambda; without the signal it reads)"),
      new Row("computed.linked", linkedComputed - signal,
          "Computed read once, linked to one signal (with its lambda and the edge)"),
      new Row("computed.int.linked", linkedIntComputed - signal,
          "IntComputed read once, linked to one signal (with its lambda and the edge)"),
      new Row("computed.lambda", computedLambda, "of which the user lambda () -> s.get() + 1"),
      new Row("computed.linked.noLambda", linkedComputed - signal - computedLambda,
          "Computed read once, linked to one signal, without its lambda"),
      new Row("edge", linkedComputed - unreadComputed, "one dependency edge (signal -> computed)"),
      new Row("effect", effect - linkedComputed,
          "Effect reading one computed (effect, its edge and its lambda)"),
      new Row("effect.noLambda", effect - linkedComputed - effectLambda,
          "the same without its lambda () -> c.get()"),
    };
    System.out.printf("# JOL, %s, N = %d%n", System.getProperty("java.vm.version"), n);
    for (Row row : rows) {
      System.out.printf("%-26s %8.1f B  %s%n", row.name, row.bytes, row.description);
    }
    for (Row row : rows) {
      System.out.printf("{\"suite\":\"memory\",\"case\":\"%s\",\"unit\":\"bytes\",\"value\":%.1f}%n",
          row.name, row.bytes);
    }
  }

  /** A row of the report. */
  private static final class Row {
    final String name;
    final double bytes;
    final String description;

    Row(String name, double bytes, String description) {
      this.name = name;
      this.bytes = bytes;
      this.description = description;
    }
  }

  /** Creates the i-th node of a measurement in the given context. */
  @FunctionalInterface
  private interface NodeFactory {
    Object create(ReactiveContext context, int i);
  }

  private static Object unreadComputed(ReactiveContext context, int i) {
    return context.computed(readerOf(context.signal(i & 63)));
  }

  private static Object linkedComputed(ReactiveContext context, int i) {
    Computed<Integer> computed = context.computed(readerOf(context.signal(i & 63)));
    computed.get();
    return computed;
  }

  private static Object linkedIntComputed(ReactiveContext context, int i) {
    Signal<Integer> signal = context.signal(i & 63);
    IntComputed computed = context.intComputed(() -> signal.get() + 1);
    computed.getInt();
    return computed;
  }

  private static Object effectOnLinkedComputed(ReactiveContext context, int i) {
    Computed<Integer> computed = context.computed(readerOf(context.signal(i & 63)));
    computed.get();
    return context.effect(effectBodyReading(computed));
  }

  private static Supplier<Integer> readerOf(Signal<Integer> signal) {
    return () -> signal.get() + 1;
  }

  private static Runnable effectBodyReading(Computed<Integer> computed) {
    return () -> computed.get();
  }

  /** Bytes per node: (reachable from 2N nodes − reachable from N nodes) / N. */
  private static double perNode(int n, NodeFactory factory) {
    long once = reachableBytes(n, factory);
    long twice = reachableBytes(2 * n, factory);
    return (double) (twice - once) / n;
  }

  /** Everything reachable from {@code count} new nodes of a new context. */
  private static long reachableBytes(int count, NodeFactory factory) {
    ReactiveContext context = ReactiveContext.create();
    Object[] nodes = new Object[count];
    for (int i = 0; i < count; i++) {
      nodes[i] = factory.create(context, i);
    }
    GraphLayout layout = GraphLayout.parseInstance(nodes); // the nodes are the roots
    requireNoJvmState(layout);
    long bytes = layout.totalSize();
    for (Object node : nodes) {
      if (node instanceof Effect) {
        ((Effect) node).close();
      }
    }
    return bytes;
  }

  private static void requireNoJvmState(GraphLayout layout) {
    for (Class<?> type : layout.getClasses()) {
      if (Thread.class.isAssignableFrom(type) || ClassLoader.class.isAssignableFrom(type)) {
        throw new IllegalStateException("The measured nodes reach a " + type.getName()
            + ", so the difference of the two walks would count JVM-wide state; find the path "
            + "with GraphLayout.record(address).path() and cut it in the runtime");
      }
    }
  }
}
