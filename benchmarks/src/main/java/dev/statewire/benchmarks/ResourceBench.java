package dev.statewire.benchmarks;

import dev.statewire.Effect;
import dev.statewire.ReactiveContext;
import dev.statewire.Resource;
import dev.statewire.ResourceStatus;
import dev.statewire.Signal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
 * Resource overhead per load (issue 5): one op changes the params, which starts a load; the
 * loader answers with an already completed future, on a context whose executor runs tasks in
 * place, so the op measures the resource's own machinery (LOADING, cancellation bookkeeping,
 * the commit of RESOLVED, an observing effect) and no thread hop. {@code handWired} does the
 * same visible work with a plain signal written by an effect. ns/op, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResourceBench {
  private Signal<Integer> id;
  private Resource<Integer, Integer> resource;
  private Signal<Integer> plainId;
  private Signal<Integer> plainValue;
  private Effect observer;
  private Effect plainLoader;
  private Effect plainObserver;
  private long observed;
  private int nextId;
  private int nextPlainId;

  @Setup(Level.Trial)
  public void build() {
    ReactiveContext context = ReactiveContext.builder()
        .name("resource-bench")
        .executor(Runnable::run)
        .lockHoldThreshold(Duration.ZERO)
        .build();
    id = context.signal(0);
    resource = Resource.of(context, id::get,
        request -> CompletableFuture.completedFuture(request.params() * 2));
    observer = context.effect(() -> {
      if (resource.status() == ResourceStatus.RESOLVED) {
        observed += resource.value();
      }
    });
    plainId = context.signal(0);
    plainValue = context.signal(0);
    plainLoader = context.effect(() -> plainValue.set(plainId.get() * 2));
    plainObserver = context.effect(() -> observed += plainValue.get());
  }

  @TearDown(Level.Trial)
  public void close() {
    if (resource.value() != nextId * 2 || plainValue.peek() != nextPlainId * 2) {
      throw new IllegalStateException("the last load was not committed: " + resource.value()
          + " / " + plainValue.peek());
    }
    observer.close();
    resource.close();
    plainObserver.close();
    plainLoader.close();
  }

  /** A params change, a load and its commit, observed by an effect. */
  @Benchmark
  public int resourceLoad() {
    id.set(++nextId);
    return resource.value();
  }

  /** The same visible work without a resource. */
  @Benchmark
  public int handWired() {
    plainId.set(++nextPlainId);
    return plainValue.get();
  }
}
