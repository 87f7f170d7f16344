package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Cancellation;
import dev.statewire.ReactiveContext;
import dev.statewire.ResourceSnapshot;
import dev.statewire.ResourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An async {@code @Derived} method gets its load's Cancellation and previous snapshot ({@link Finder}). */
class AsyncLoaderParametersTest {
  private final ReactiveContext inPlace =
      ReactiveContext.builder().name("in place").executor(Runnable::run).build();

  /** Records what each load got. */
  private static final class RecordingSearch implements Finder.Search {
    record Call(String query, ResourceSnapshot<String> previous, Cancellation cancellation,
        CompletableFuture<String> answer) {}

    final List<Call> calls = new ArrayList<>();

    @Override
    public CompletionStage<String> find(
        String query, ResourceSnapshot<String> previous, Cancellation cancellation) {
      CompletableFuture<String> answer = new CompletableFuture<>();
      calls.add(new Call(query, previous, cancellation, answer));
      return answer;
    }
  }

  @AfterEach
  void close() {
    inPlace.close();
  }

  @Test
  void eachLoadGetsItsOwnCancellationAndTheSnapshotBeforeIt() {
    RecordingSearch search = new RecordingSearch();
    ReactiveFinder finder = new ReactiveFinder(inPlace, search);
    RecordingSearch.Call first = search.calls.get(0);
    assertEquals(ResourceStatus.IDLE, first.previous().status());
    first.answer().complete("none");

    finder.search("sig");
    RecordingSearch.Call second = search.calls.get(1);
    assertEquals("sig", second.query());
    assertEquals(ResourceStatus.RESOLVED, second.previous().status());
    assertEquals("none", second.previous().value(), "the loader sees the value before it");
    assertFalse(second.cancellation().isCancelled());

    finder.search("signals");
    assertTrue(second.cancellation().isCancelled(), "a newer query cancels the running load");
    RecordingSearch.Call third = search.calls.get(2);
    assertFalse(third.cancellation().isCancelled());
    third.answer().complete("3 hits");
    assertEquals("3 hits", finder.resultResource().value());
    finder.close();
  }
}
