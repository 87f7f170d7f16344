package dev.statewire.examples.web;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's threads: one executor runs the HTTP exchanges (an open event stream keeps its
 * thread) and every tab's background task. On Java 21+ each task gets a virtual thread, looked
 * up by reflection because the module compiles with {@code --release 17}; on 17 a cached pool of
 * daemon platform threads grows with the open streams and running counters.
 */
final class ServerThreads {
  private final ExecutorService executor;
  private final boolean virtual;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  ServerThreads(String name) {
    ExecutorService perTask = virtualThreadPerTask();
    this.virtual = perTask != null;
    this.executor = perTask != null ? perTask : Executors.newCachedThreadPool(daemons(name));
  }

  /** Runs {@code task} on its own thread (virtual where the JVM has them). */
  void execute(Runnable task) {
    executor.execute(() -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        task.run();
      } finally {
        running.decrementAndGet();
      }
    });
  }

  boolean isVirtual() {
    return virtual;
  }

  /** The most tasks that ran at once: threads in use, virtual or not. */
  int peakRunning() {
    return peak.get();
  }

  void shutdown() {
    executor.shutdownNow();
  }

  private static ExecutorService virtualThreadPerTask() {
    try {
      Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) factory.invoke(null);
    } catch (NoSuchMethodException beforeJava21) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Executors.newVirtualThreadPerTaskExecutor() failed", e);
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
