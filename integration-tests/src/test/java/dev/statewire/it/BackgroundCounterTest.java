package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Task;
import dev.statewire.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reflex's background-task counter, generated from {@link BackgroundCounter}. */
class BackgroundCounterTest {
  @Test
  void runsToItsLimitAndTheEffectSeesEveryCommittedValueOnceInOrder() throws Exception {
    try (ReactiveBackgroundCounter state =
        new ReactiveBackgroundCounter(ReactiveContext.create(), 10, Duration.ofMillis(2))) {
      state.toggleRunning();
      Set<Task> tasks = state.backgroundTasks();
      for (Task task : tasks) {
        Waiting.ended(task);
        assertEquals(TaskStatus.COMPLETED, task.status());
      }
      List<String> expected = new ArrayList<>(List.of("0/false", "0/true"));
      for (int i = 1; i <= 10; i++) {
        expected.add(i + "/true");
      }
      expected.add("10/false");
      assertEquals(expected, state.seen());
      assertTrue(state.atLimit());
      assertTrue(state.backgroundTasks().isEmpty());
    }
  }

  @Test
  void askingForASecondLoopWhileOneRunsStartsNone() throws Exception {
    try (ReactiveBackgroundCounter state =
        new ReactiveBackgroundCounter(ReactiveContext.create(), 1_000_000, Duration.ofMillis(5))) {
      state.toggleRunning();
      Task loop = state.startTick();
      state.tick();
      state.tick();
      assertSame(loop, state.startTick());
      assertEquals(Set.of(loop), state.backgroundTasks());
      Waiting.until("the loop counts", () -> state.counter() > 2);
      state.toggleRunning();
      Waiting.ended(loop);
      assertEquals(TaskStatus.COMPLETED, loop.status());
      int stoppedAt = state.counter();
      List<String> seen = state.seen();
      for (int i = 1; i <= stoppedAt; i++) {
        assertEquals(1, seen.stream().filter((i + "/true")::equals).count(), "value " + i);
      }
    }
  }
}
