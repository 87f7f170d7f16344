package dev.statewire.benchmarks;

import dev.statewire.ReactiveContext;
import dev.statewire.benchmarks.lock.PlainLedger;
import dev.statewire.benchmarks.lock.ReactiveLedger;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lock-block throughput under contention (BENCHMARKS.md, issue 10 goal 4): every benchmark
 * thread runs the same two writes on one shared object, as a Statewire lock block ({@code try
 * (var self = Statewire.lock(this)) { debits++; credits++; }}, committed to the fields' signals at
 * the end), as a generated action, and under a bare {@code ReentrantLock}. Operations per
 * microsecond, all threads together; choose the thread count with {@code -t}. The reactive
 * benchmarks run on a context with default settings ({@code lockHoldReports=default}: long holds
 * reported) or lock-hold reports off ({@code off}); the parameter lives in {@link Reactive}, so
 * the bare lock, which does not use it, runs once per JMH run instead of once per setting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(4)
public class LockBench {
  private PlainLedger plain;

  /** The ledger every thread shares, on a context with default settings or reports off. */
  @State(Scope.Benchmark)
  public static class Reactive {
    /** {@code default}: the default lock-hold threshold; {@code off}: no lock-hold reports. */
    @Param({"default", "off"})
    public String lockHoldReports;

    private ReactiveLedger ledger;

    /** One context, with default settings or with lock-hold reports off. */
    @Setup(Level.Trial)
    public void build() {
      ReactiveContext.Builder settings = ReactiveContext.builder().name("lock-bench");
      if (lockHoldReports.equals("off")) {
        settings.lockHoldThreshold(Duration.ZERO);
      }
      ReactiveContext context = settings.build();
      SpyOption.apply(context);
      ledger = new ReactiveLedger(context);
    }

    /** Fails the run if a write was lost or a block was seen half done. */
    @TearDown(Level.Trial)
    public void check() {
      if (ledger.imbalance() != 0) {
        throw new IllegalStateException("unbalanced ledger: " + ledger.imbalance());
      }
      ledger.close();
    }
  }

  /** The bare lock's ledger. */
  @Setup(Level.Trial)
  public void build() {
    plain = new PlainLedger();
  }

  /** A lock block on a generated instance. */
  @Benchmark
  public void lockBlock(Reactive state) {
    state.ledger.post();
  }

  /** The same writes as a generated action. */
  @Benchmark
  public void action(Reactive state) {
    state.ledger.postAction();
  }

  /** The same writes under a bare {@code ReentrantLock}. */
  @Benchmark
  public void reentrantLock() {
    plain.post();
  }
}
