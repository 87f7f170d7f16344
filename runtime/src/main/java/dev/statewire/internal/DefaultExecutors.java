package dev.statewire.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates a context's default executor: virtual threads where the JVM has them (21+). */
public final class DefaultExecutors {
  private DefaultExecutors() {}

  /** Whether this JVM can start virtual threads. */
  public static boolean hasVirtualThreads() {
    return virtualThreadFactory() != null;
  }

  /**
   * One virtual thread per task on Java 21+, otherwise a cached pool of daemon threads named
   * {@code statewire-<contextName>-<n>}.
   */
  public static ExecutorService create(String contextName) {
    try {
      var m = MethodHandles.publicLookup()
          .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
              MethodType.methodType(ExecutorService.class));
      return (ExecutorService) m.invoke();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return Executors.newCachedThreadPool(daemonFactory(contextName));
    } catch (Throwable e) {
      throw new IllegalStateException("could not create the virtual-thread executor", e);
    }
  }

  private static Object virtualThreadFactory() {
    try {
      return Thread.class.getMethod("ofVirtual");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static ThreadFactory daemonFactory(String contextName) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, "statewire-" + contextName + "-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
