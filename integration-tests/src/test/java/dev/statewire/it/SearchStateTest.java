package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.ReactiveContext;
import dev.statewire.Task;
import org.junit.jupiter.api.Test;

/** An effect starting a superseding background task on each change of what it reads. */
class SearchStateTest {
  @Test
  void onlyTheLastQueryLandsAndTheEffectRunsOncePerQuery() throws Exception {
    try (ReactiveSearchState state = new ReactiveSearchState(ReactiveContext.create())) {
      state.setQuery("s");
      state.setQuery("st");
      state.setQuery("sta");
      for (Task task : state.backgroundTasks()) {
        Waiting.ended(task);
      }
      assertEquals("results for sta", state.results());
      assertEquals(4, state.effectRuns(), "one run at construction, one per query");
    }
  }
}
