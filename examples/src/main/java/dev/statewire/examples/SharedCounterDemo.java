package dev.statewire.examples;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import dev.statewire.Task;
import dev.statewire.redis.RedisStateStore;
import java.time.Duration;

/**
 * Reflex's counter shared by two JVMs through Redis. Run it twice at the same time (two
 * terminals): each run binds the {@link TaskState} of key {@code session:demo}, adds 20 to the
 * shared limit and runs the counting loop; the loops of both JVMs count the one counter, each
 * step a lock block fenced across the JVMs, and each JVM prints every commit, its own and the
 * other's (applied to its copy as an ordinary commit, so its effect runs).
 *
 * <pre>
 * SharedCounterDemo [REDIS_URI]   (default redis://localhost:6379)
 * </pre>
 */
public final class SharedCounterDemo {
  /** The key both JVMs bind: one Reflex session. */
  static final String KEY = "session:demo";
  /** How much each run adds to the limit: 20 steps of Reflex's 500 ms, about 10 s alone. */
  static final int STEPS = 20;

  private SharedCounterDemo() {}

  public static void main(String[] args) throws InterruptedException {
    String uri = args.length > 0 ? args[0] : "redis://localhost:6379";
    String me = "[pid " + ProcessHandle.current().pid() + "] ";
    try (RedisStateStore store = RedisStateStore.connect(uri)) {
      ReactiveContext context = store.context(KEY);
      try (var state = store.bind(context, "counter", new ReactiveTaskState(
          context, Duration.ofMillis(500), line -> System.out.println(me + line)))) {
        try (var self = Statewire.lock(state)) { // the latest committed state, held across JVMs
          int from = state.isRunning() ? state.getMaxCounter() : state.getCounter();
          state.setMaxCounter(from + STEPS);
          System.out.println(me + "limit raised to " + (from + STEPS) + "; counting");
          if (state.isRunning()) {
            state.tick(); // the other JVM's loop is counting: count beside it
          } else {
            state.toggleRunning(); // running = true, and the loop starts
          }
        }
        for (Task task : state.backgroundTasks()) {
          if (!task.await(Duration.ofMinutes(2))) {
            throw new IllegalStateException(task + " did not end in time");
          }
        }
        System.out.println(me + "the loops reached the limit; this JVM is done");
      }
    }
  }
}
