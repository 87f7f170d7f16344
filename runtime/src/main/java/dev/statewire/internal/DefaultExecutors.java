package dev.statewire.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Creates a context's default executor. Its threads are named {@code statewire-<context>-<n>}
 * (lock-timeout messages and thread dumps name them): one virtual thread per task where the JVM
 * has them (21+), otherwise a {@link DaemonThreadPool}. The runtime is compiled for Java 17, so
 * the virtual-thread API is reached by reflection.
 */
public final class DefaultExecutors {
  private DefaultExecutors() {}

  /** A new executor for the context {@code contextName}; the caller shuts it down. */
  public static ExecutorService create(String contextName) {
    String prefix = "statewire-" + contextName + "-";
    ThreadFactory virtual = namedVirtualThreads(prefix);
    if (virtual == null) {
      return new DaemonThreadPool(prefix);
    }
    try {
      Method perTask =
          Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
      return (ExecutorService) perTask.invoke(null, virtual);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not create the virtual-thread executor", e);
    }
  }

  /**
   * {@code Thread.ofVirtual().name(prefix, 1).factory()}, or null where virtual threads are
   * missing (Java 17) or a preview not enabled (19, 20).
   */
  private static ThreadFactory namedVirtualThreads(String prefix) {
    try {
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Object ofVirtual = Thread.class.getMethod("ofVirtual").invoke(null);
      Object named = builder.getMethod("name", String.class, long.class)
          .invoke(ofVirtual, prefix, 1L);
      return (ThreadFactory) builder.getMethod("factory").invoke(named);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return null;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof UnsupportedOperationException) {
        return null;
      }
      throw new IllegalStateException("could not create virtual threads", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("could not create virtual threads", e);
    }
  }
}
