package dev.statewire.benchmarks;

import dev.statewire.ReactiveContext;
import dev.statewire.benchmarks.cellx.CellxGraph;
import dev.statewire.benchmarks.generated.Cart;
import dev.statewire.benchmarks.generated.HandWrittenCart;
import dev.statewire.benchmarks.generated.LockedCart;
import dev.statewire.benchmarks.generated.PlainCart;
import dev.statewire.benchmarks.generated.ReactiveCart;
import dev.statewire.benchmarks.graph.WorkCounter;
import dev.statewire.benchmarks.kairo.KairoCase;
import dev.statewire.benchmarks.kairo.KairoTopology;
import dev.statewire.benchmarks.lock.PlainLedger;
import dev.statewire.benchmarks.lock.ReactiveLedger;
import dev.statewire.benchmarks.peer.Peer;
import dev.statewire.benchmarks.peer.PeerCellx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongUnaryOperator;

/**
 * The cases {@link CpuBench} times, by name, each as a timer: given a number of ops it runs
 * them (split over the case's threads) and returns the CPU nanoseconds per op. Each case owns
 * its loop, written with direct calls as in the JMH method it mirrors, so that cases timed in one
 * JVM do not share a call site. Only JDK types cross this class's API, so that {@code CpuBench
 * --paired} can call it in another class loader.
 *
 * <ul>
 *   <li>{@code kairo/NAME}: a kairo topology by its upstream name ({@code KairoBench.op});
 *   <li>{@code cellxL/steady}, {@code cellxL/build}: cellx with L layers ({@code CellxBench});
 *   <li>{@code PEER/cellxL/steady}: a JVM peer ({@code statewire}, {@code arez}, {@code javafx})
 *       on cellx ({@code PeerCellxBench});
 *   <li>{@code generated/M}: {@code GeneratedClassBench}'s method M ({@code generated}, {@code
 *       handWritten}, {@code plainJava}, {@code lockedJava}); the group {@code generated} is all
 *       four;
 *   <li>{@code lock/N/V}: {@code LockBench} with N threads on one shared ledger, V = {@code
 *       default} or {@code off} (a lock block with default settings or lock-hold reports off) or
 *       {@code reentrantLock} (the bare lock); the group {@code lock/N} is all three. With
 *       several threads the CPU time of all of them is divided by all their ops: the time a
 *       thread waits parked for the lock is left out.
 * </ul>
 */
public final class CpuCases {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private static final List<String> GENERATED =
      List.of("generated", "handWritten", "plainJava", "lockedJava");
  private static final List<String> LOCK = List.of("default", "off", "reentrantLock");
  /** Keeps the JIT from dropping the results of the ops. */
  private static volatile long sink;

  private CpuCases() {}

  /**
   * {@return the cases that {@code name} stands for: the members of a group, in an order that
   * ends with the group's reference (the locked class, the bare lock), or the case itself}
   *
   * @param name a case or a group
   */
  public static List<String> expand(String name) {
    if (name.equals("generated")) {
      return GENERATED.stream().map(m -> "generated/" + m).toList();
    }
    String[] parts = name.split("/");
    if (parts.length == 2 && parts[0].equals("lock")) {
      return LOCK.stream().map(v -> name + "/" + v).toList();
    }
    return List.of(name);
  }

  /**
   * {@return the timer of case {@code name}, its state built}
   *
   * @param name the case
   * @throws IllegalArgumentException if no case has that name
   */
  public static LongToDoubleFunction timer(String name) {
    String[] parts = name.split("/");
    if (parts.length == 2 && parts[0].equals("kairo")) {
      KairoCase c = KairoTopology.named(parts[1]).build(WorkCounter.NONE);
      return onThisThread(ops -> {
        for (long i = 0; i < ops; i++) {
          c.op();
        }
        return 0;
      });
    }
    if (parts.length == 2 && parts[0].startsWith("cellx")) {
      int layers = Integer.parseInt(parts[0].substring("cellx".length()));
      if (parts[1].equals("steady")) {
        CellxGraph graph = new CellxGraph(layers, WorkCounter.NONE);
        return onThisThread(ops -> {
          for (long i = 0; i < ops; i++) {
            graph.update();
          }
          return 0;
        });
      }
      if (parts[1].equals("build")) {
        return onThisThread(ops -> {
          for (long i = 0; i < ops; i++) {
            new CellxGraph(layers, WorkCounter.NONE).close();
          }
          return 0;
        });
      }
    }
    if (parts.length == 3 && parts[1].startsWith("cellx") && parts[2].equals("steady")) {
      int layers = Integer.parseInt(parts[1].substring("cellx".length()));
      PeerCellx graph = new PeerCellx(Peer.named(parts[0]), layers, WorkCounter.NONE);
      return onThisThread(ops -> {
        for (long i = 0; i < ops; i++) {
          graph.update();
        }
        return 0;
      });
    }
    if (parts.length == 2 && parts[0].equals("generated")) {
      LongUnaryOperator loop = generated(parts[1]);
      if (loop != null) {
        return onThisThread(loop);
      }
    }
    if (parts.length == 3 && parts[0].equals("lock") && parts[1].matches("[1-9][0-9]*")) {
      LongUnaryOperator loop = lock(parts[2]);
      if (loop != null) {
        return onThreads(Integer.parseInt(parts[1]), loop);
      }
    }
    throw new IllegalArgumentException("no case named " + name
        + "; use kairo/NAME, cellxL/steady, cellxL/build, PEER/cellxL/steady, generated[/"
        + String.join("|", GENERATED) + "] or lock/THREADS[/" + String.join("|", LOCK) + "]");
  }

  /**
   * GeneratedClassBench's method {@code method}: an action, its effect, a derived read. The four
   * loops are the same text on purpose: one shared loop over the carts would be one call site
   * seeing four receiver types, and its megamorphic calls would cost more than the plain cart's op.
   */
  private static LongUnaryOperator generated(String method) {
    switch (method) {
      case "generated": {
        Cart cart = new ReactiveCart(ReactiveContext.builder().name("cpu-generated").build());
        return ops -> {
          long sum = 0;
          for (long i = 0; i < ops; i++) {
            cart.add();
            sum += cart.total();
          }
          return sum;
        };
      }
      case "handWritten": {
        HandWrittenCart cart =
            new HandWrittenCart(ReactiveContext.builder().name("cpu-hand-written").build());
        return ops -> {
          long sum = 0;
          for (long i = 0; i < ops; i++) {
            cart.add();
            sum += cart.total();
          }
          return sum;
        };
      }
      case "plainJava": {
        PlainCart cart = new PlainCart();
        return ops -> {
          long sum = 0;
          for (long i = 0; i < ops; i++) {
            cart.add();
            sum += cart.total();
          }
          return sum;
        };
      }
      case "lockedJava": {
        LockedCart cart = new LockedCart();
        return ops -> {
          long sum = 0;
          for (long i = 0; i < ops; i++) {
            cart.add();
            sum += cart.total();
          }
          return sum;
        };
      }
      default:
        return null;
    }
  }

  /** LockBench's variant {@code variant} on one ledger shared by all threads. */
  private static LongUnaryOperator lock(String variant) {
    switch (variant) {
      case "default":
      case "off": {
        ReactiveContext.Builder settings = ReactiveContext.builder().name("cpu-lock-" + variant);
        if (variant.equals("off")) {
          settings.lockHoldThreshold(Duration.ZERO);
        }
        ReactiveLedger ledger = new ReactiveLedger(settings.build());
        return ops -> {
          for (long i = 0; i < ops; i++) {
            ledger.post();
          }
          if (ledger.imbalance() != 0) {
            throw new IllegalStateException("unbalanced ledger: " + ledger.imbalance());
          }
          return ledger.entries();
        };
      }
      case "reentrantLock": {
        PlainLedger ledger = new PlainLedger();
        return ops -> {
          for (long i = 0; i < ops; i++) {
            ledger.post();
          }
          return ledger.entries();
        };
      }
      default:
        return null;
    }
  }

  /** Runs {@code loop} on the calling thread and times it in that thread's CPU time. */
  private static LongToDoubleFunction onThisThread(LongUnaryOperator loop) {
    return ops -> {
      long before = MX.getCurrentThreadCpuTime();
      sink += loop.applyAsLong(ops);
      return (double) (MX.getCurrentThreadCpuTime() - before) / ops;
    };
  }

  /**
   * Runs {@code loop} on {@code threads} threads at once, each doing its share of the ops, and
   * divides the CPU time of all of them by all the ops.
   */
  private static LongToDoubleFunction onThreads(int threads, LongUnaryOperator loop) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "cpu-bench-worker");
      thread.setDaemon(true);
      return thread;
    });
    return ops -> {
      long perThread = Math.max(1, ops / threads);
      CountDownLatch start = new CountDownLatch(1);
      long[] cpu = new long[threads];
      Future<?>[] running = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        int index = t;
        running[t] = pool.submit(() -> {
          start.await();
          long before = MX.getCurrentThreadCpuTime();
          long kept = loop.applyAsLong(perThread);
          cpu[index] = MX.getCurrentThreadCpuTime() - before;
          sink += kept;
          return null;
        });
      }
      start.countDown();
      long total = 0;
      try {
        for (int t = 0; t < threads; t++) {
          running[t].get();
          total += cpu[t];
        }
      } catch (Exception e) {
        throw new IllegalStateException("a lock/" + threads + " batch failed", e);
      }
      return (double) total / (perThread * threads);
    };
  }
}
