package dev.statewire.benchmarks;

import dev.statewire.ReactiveContext;
import dev.statewire.benchmarks.generated.Cart;
import dev.statewire.benchmarks.generated.HandWrittenCart;
import dev.statewire.benchmarks.generated.LockedCart;
import dev.statewire.benchmarks.generated.PlainCart;
import dev.statewire.benchmarks.generated.ReactiveCart;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generated-class overhead (reported in BENCHMARKS.md): one op is an action writing a field, the effect it
 * triggers (which reads a derived value), and a read of the derived value from outside. The
 * same work through the processor's {@code ReactiveCart}, through the runtime API by hand, and
 * in plain Java without reactivity, without and with a {@code ReentrantLock} (the hand-written
 * thread-safe class the generated one is held against). Default context settings (lock-hold
 * reports on). ns/op, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class GeneratedClassBench {
  private ReactiveCart generated;
  private HandWrittenCart handWritten;
  private PlainCart plain;
  private LockedCart locked;

  @Setup(Level.Trial)
  public void build() {
    ReactiveContext context = ReactiveContext.builder().name("generated-bench").build();
    SpyOption.apply(context);
    generated = new ReactiveCart(context);
    handWritten = new HandWrittenCart(context);
    plain = new PlainCart();
    locked = new LockedCart();
  }

  @TearDown(Level.Trial)
  public void close() {
    generated.close();
    handWritten.close();
  }

  /** Through the generated subclass. */
  @Benchmark
  public int generated() {
    Cart cart = generated;
    cart.add();
    return cart.total();
  }

  /** Through the runtime API, by hand. */
  @Benchmark
  public int handWritten() {
    handWritten.add();
    return handWritten.total();
  }

  /** Plain Java: the floor. */
  @Benchmark
  public int plainJava() {
    plain.add();
    return plain.total();
  }

  /** Plain Java with a listener list under a {@code ReentrantLock}. */
  @Benchmark
  public int lockedJava() {
    locked.add();
    return locked.total();
  }
}
