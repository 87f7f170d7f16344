package dev.statewire.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The default executor on Java 17, which has no virtual threads: a cached pool of daemon
 * threads named {@code <prefix><n>}, like {@code Executors.newCachedThreadPool}, except that an
 * idle thread also ends when it is interrupted. A {@code ThreadPoolExecutor} worker ignores an
 * interrupt while idle and lives out its keep-alive, so a launcher that interrupts and joins the
 * threads left at exit (Maven's {@code exec:java} waits 15 s per thread) waited for it.
 */
public final class DaemonThreadPool extends AbstractExecutorService {
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final String prefix;
  private final SynchronousQueue<Runnable> handoff = new SynchronousQueue<>();
  private final Object lock = new Object();
  /** Guarded by lock. */
  private final Set<Thread> workers = new HashSet<>();
  /** Guarded by lock: the workers waiting for a task. */
  private final Set<Thread> idle = new HashSet<>();
  /** Guarded by lock. */
  private int created;
  private volatile boolean shutdown;

  /** @param prefix the thread names' start, e.g. {@code "statewire-global-"} */
  public DaemonThreadPool(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  @Override
  public void execute(Runnable command) {
    Objects.requireNonNull(command, "command");
    if (!shutdown && handoff.offer(command)) {
      return; // an idle worker took it
    }
    synchronized (lock) {
      if (shutdown) {
        throw new RejectedExecutionException("the thread pool " + prefix + "* is shut down");
      }
      Thread worker = new Thread(() -> work(command), prefix + ++created);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  private void work(Runnable first) {
    Thread self = Thread.currentThread();
    try {
      for (Runnable task = first; task != null; task = nextTask(self)) {
        task.run();
      }
    } finally {
      synchronized (lock) {
        workers.remove(self);
        if (workers.isEmpty()) {
          lock.notifyAll();
        }
      }
    }
  }

  /** Waits, idle, for the next task; null if the worker should end instead. */
  private Runnable nextTask(Thread self) {
    synchronized (lock) {
      if (shutdown || self.isInterrupted()) {
        return null;
      }
      idle.add(self);
    }
    Runnable task;
    try {
      task = handoff.poll(KEEP_ALIVE_NANOS, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      task = null;
    }
    synchronized (lock) {
      idle.remove(self);
      if (task != null) {
        Thread.interrupted(); // an interrupt meant for the idle worker is not the task's
      }
    }
    return task;
  }

  /** Accepts no more tasks; idle threads end now, busy ones after their task. */
  @Override
  public void shutdown() {
    synchronized (lock) {
      shutdown = true;
      for (Thread t : idle) {
        t.interrupt();
      }
      if (workers.isEmpty()) {
        lock.notifyAll();
      }
    }
  }

  /** As {@link #shutdown()}, and interrupts the running tasks. Tasks are never queued. */
  @Override
  public List<Runnable> shutdownNow() {
    synchronized (lock) {
      shutdown();
      for (Thread t : workers) {
        t.interrupt();
      }
    }
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    synchronized (lock) {
      return shutdown && workers.isEmpty();
    }
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (lock) {
      while (!(shutdown && workers.isEmpty())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }
}
