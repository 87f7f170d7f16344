package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Task;
import dev.statewire.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * A {@code @Background(SUPERSEDE)} task whose body takes the lock, called in tight loops: it
 * once deadlocked within about a thousand calls (the task set's monitor and a task's monitor
 * were taken in opposite orders). The timeouts are generous; a deadlock fails them.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class SupersedeStressTest {
  private static final int THREADS = 4;
  private static final int CALLS_PER_THREAD = 25_000;

  @Test
  void oneThreadSearchingInALoopNeverDeadlocks() throws Exception {
    try (ReactiveSearcher s = new ReactiveSearcher(quietContext())) {
      int q = 0;
      for (int i = 0; i < 20_000; i++) {
        s.search(q++);
      }
      assertLastSearchWins(s, 20_000);
    }
  }

  @Test
  void severalThreadsSupersedingOneTaskStayConsistent() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    try (ReactiveSearcher s = new ReactiveSearcher(quietContext())) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Task>>> calls = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int base = t * CALLS_PER_THREAD;
        calls.add(callers.submit(() -> {
          List<Task> started = new ArrayList<>(CALLS_PER_THREAD);
          go.await();
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            started.add(s.startSearch(base + i));
          }
          return started;
        }));
      }
      go.countDown();
      List<Task> tasks = new ArrayList<>();
      for (Future<List<Task>> call : calls) {
        tasks.addAll(call.get(240, TimeUnit.SECONDS));
      }
      assertEquals(THREADS * CALLS_PER_THREAD, tasks.size());

      int completed = assertLastSearchWins(s, tasks.size());
      Map<TaskStatus, Integer> statuses = new EnumMap<>(TaskStatus.class);
      for (Task task : tasks) {
        Waiting.ended(task);
        statuses.merge(task.status(), 1, Integer::sum);
      }
      assertEquals(null, statuses.get(TaskStatus.FAILED), () -> "statuses " + statuses);
      int completedBefore = statuses.getOrDefault(TaskStatus.COMPLETED, 0);
      assertTrue(completedBefore + completed <= s.searches(),
          () -> statuses + " but only " + s.searches() + " searches committed");
    } finally {
      callers.shutdownNow();
    }
  }

  /**
   * A last search, started after all others, is never superseded: it completes and its query
   * is the one left. Every lock block entered committed its increment, no more searches ran
   * than were started, and no task is left. Returns the number of completed final searches (1).
   */
  private static int assertLastSearchWins(ReactiveSearcher s, int earlier) throws Exception {
    Task last = s.startSearch(-7);
    Waiting.ended(last);
    assertEquals(TaskStatus.COMPLETED, last.status(), () -> String.valueOf(last.failure()));
    assertEquals(-7, s.lastQuery());
    Waiting.until("every superseded task has ended", () -> s.backgroundTasks().isEmpty());
    assertEquals(s.entered(), s.searches(), "a lock block's increment was lost");
    assertTrue(s.searches() >= 1 && s.searches() <= earlier + 1,
        () -> s.searches() + " searches for " + (earlier + 1) + " calls");
    return 1;
  }

  /** Lock holds on a loaded machine are no news here. */
  private static ReactiveContext quietContext() {
    return ReactiveContext.builder().lockHoldThreshold(Duration.ZERO).build();
  }
}
