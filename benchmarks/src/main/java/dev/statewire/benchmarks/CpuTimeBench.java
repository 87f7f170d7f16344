package dev.statewire.benchmarks;

import dev.statewire.ReactiveContext;
import dev.statewire.benchmarks.generated.Cart;
import dev.statewire.benchmarks.generated.HandWrittenCart;
import dev.statewire.benchmarks.generated.LockedCart;
import dev.statewire.benchmarks.generated.ReactiveCart;
import dev.statewire.benchmarks.lock.PlainLedger;
import dev.statewire.benchmarks.lock.ReactiveLedger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cases of {@link GeneratedClassBench} and {@link LockBench} timed in thread CPU time, for a
 * machine too loaded for JMH's wall clock (BENCHMARKS.md, issue 10). The cases of one run
 * alternate batch by batch, so that each ratio compares batches taken under the same load; each
 * case reports the best and the median batch, in nanoseconds of CPU time per operation (for
 * several threads: the CPU time of all of them divided by all their operations, which leaves
 * out the time a thread waits for the lock).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statewire.benchmarks.CpuTimeBench generated
 * [batches]} or {@code ... CpuTimeBench lock THREADS [batches]} (default 30 batches, after 10
 * batches of warm-up; 200,000 operations per thread and batch).
 */
public final class CpuTimeBench {
  private static final int OPS_PER_BATCH = 200_000;
  private static final int WARM_UP_BATCHES = 10;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Keeps the JIT from dropping the reads. */
  private static volatile long sink;

  private CpuTimeBench() {}

  /** Runs the suite named by the first argument. */
  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("generated")) {
      generated(args.length > 1 ? Integer.parseInt(args[1]) : 30);
    } else if (args.length >= 2 && args[0].equals("lock")) {
      lock(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 30);
    } else {
      throw new IllegalArgumentException(
          "usage: CpuTimeBench generated [batches] | lock THREADS [batches]");
    }
  }

  /** GeneratedClassBench's op: an action, the effect it triggers, a read of the derived value. */
  private static void generated(int batches) throws Exception {
    ReactiveContext context = ReactiveContext.builder().name("generated-bench").build();
    Cart generated = new ReactiveCart(context);
    HandWrittenCart handWritten = new HandWrittenCart(context);
    LockedCart locked = new LockedCart();
    // each case is its own loop with direct calls, as in a JMH benchmark method
    Batch[] cases = {
      () -> {
        long sum = 0;
        for (int i = 0; i < OPS_PER_BATCH; i++) {
          generated.add();
          sum += generated.total();
        }
        return sum;
      },
      () -> {
        long sum = 0;
        for (int i = 0; i < OPS_PER_BATCH; i++) {
          handWritten.add();
          sum += handWritten.total();
        }
        return sum;
      },
      () -> {
        long sum = 0;
        for (int i = 0; i < OPS_PER_BATCH; i++) {
          locked.add();
          sum += locked.total();
        }
        return sum;
      },
    };
    double[][] perOp = time(cases, 1, batches);
    report(new String[] {"generated", "handWritten", "lockedJava"}, perOp);
    System.out.printf("generated / lockedJava: best %.2f, median %.2f%n",
        best(perOp[0]) / best(perOp[2]), median(perOp[0]) / median(perOp[2]));
  }

  /** LockBench's op on one shared ledger: lock blocks (defaults, reports off), a bare lock. */
  private static void lock(int threads, int batches) throws Exception {
    ReactiveLedger withDefaults =
        new ReactiveLedger(ReactiveContext.builder().name("lock-bench").build());
    ReactiveLedger reportsOff = new ReactiveLedger(ReactiveContext.builder().name("lock-bench-off")
        .lockHoldThreshold(Duration.ZERO).build());
    PlainLedger plain = new PlainLedger();
    Batch[] cases = {
      () -> {
        for (int i = 0; i < OPS_PER_BATCH; i++) {
          withDefaults.post();
        }
        return withDefaults.entries();
      },
      () -> {
        for (int i = 0; i < OPS_PER_BATCH; i++) {
          reportsOff.post();
        }
        return reportsOff.entries();
      },
      () -> {
        for (int i = 0; i < OPS_PER_BATCH; i++) {
          plain.post();
        }
        return plain.entries();
      },
    };
    double[][] perOp = time(cases, threads, batches);
    if (withDefaults.imbalance() != 0 || reportsOff.imbalance() != 0) {
      throw new IllegalStateException("a lock block was seen half done");
    }
    String[] names = {"lockBlock (default)", "lockBlock (reports off)", "reentrantLock"};
    report(names, perOp);
    for (int k = 0; k < 2; k++) {
      System.out.printf("%d threads, %s throughput / reentrantLock: best %.2f, median %.2f%n",
          threads, names[k], best(perOp[2]) / best(perOp[k]), median(perOp[2]) / median(perOp[k]));
    }
  }

  /** One batch of {@link #OPS_PER_BATCH} operations of one case; returns a value to keep. */
  @FunctionalInterface
  private interface Batch {
    long run();
  }

  /** CPU nanoseconds per op, [case][batch], the cases alternating batch by batch. */
  private static double[][] time(Batch[] cases, int threads, int batches) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      double[][] perOp = new double[cases.length][batches];
      for (int b = -WARM_UP_BATCHES; b < batches; b++) {
        for (int k = 0; k < cases.length; k++) {
          double ns = batch(pool, cases[k], threads);
          if (b >= 0) {
            perOp[k][b] = ns;
          }
        }
      }
      return perOp;
    } finally {
      pool.shutdown();
    }
  }

  private static double batch(ExecutorService pool, Batch ops, int threads) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    long[] cpu = new long[threads];
    Future<?>[] running = new Future<?>[threads];
    for (int t = 0; t < threads; t++) {
      int index = t;
      running[t] = pool.submit(() -> {
        start.await();
        long before = THREADS.getCurrentThreadCpuTime();
        long kept = ops.run();
        cpu[index] = THREADS.getCurrentThreadCpuTime() - before;
        sink += kept;
        return null;
      });
    }
    start.countDown();
    for (Future<?> f : running) {
      f.get();
    }
    return (double) Arrays.stream(cpu).sum() / ((long) threads * OPS_PER_BATCH);
  }

  private static void report(String[] names, double[][] perOp) {
    for (int k = 0; k < names.length; k++) {
      System.out.printf("%-24s CPU ns/op best %6.1f, median %6.1f%n",
          names[k], best(perOp[k]), median(perOp[k]));
    }
  }

  private static double best(double[] batches) {
    return Arrays.stream(batches).min().orElseThrow();
  }

  private static double median(double[] batches) {
    double[] sorted = batches.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
