package dev.statewire;

import static dev.statewire.ResourceStatus.ERROR;
import static dev.statewire.ResourceStatus.IDLE;
import static dev.statewire.ResourceStatus.LOADING;
import static dev.statewire.ResourceStatus.LOCAL;
import static dev.statewire.ResourceStatus.RELOADING;
import static dev.statewire.ResourceStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resource state machine as a table: every event applied to a resource in every status.
 * Each cell checks the new status, {@code previousStatus()}, the value, what the loader was told
 * ({@code previous()}), and that a load running before the event was cancelled exactly once
 * when the event supersedes it.
 */
class ResourceTransitionTableTest {
  /** What happens to a resource. */
  enum Event {
    PARAMS_CHANGE,
    PARAMS_NULL,
    RELOAD,
    SET,
    UPDATE,
    LOAD_SUCCEEDS,
    LOAD_FAILS,
    CLOSE
  }

  /**
   * The status after each event, per starting status. {@code null}: no load is running, so
   * there is none to complete (late completions of superseded loads: {@link ResourceTest}).
   */
  private static final Map<ResourceStatus, List<ResourceStatus>> TABLE = new EnumMap<>(
      ResourceStatus.class);

  static {
    // columns: PARAMS_CHANGE, PARAMS_NULL, RELOAD, SET, UPDATE, LOAD_SUCCEEDS, LOAD_FAILS, CLOSE
    row(IDLE, LOADING, IDLE, IDLE, LOCAL, LOCAL, null, null, IDLE);
    row(LOADING, LOADING, IDLE, RELOADING, LOCAL, LOCAL, RESOLVED, ERROR, IDLE);
    row(RELOADING, LOADING, IDLE, RELOADING, LOCAL, LOCAL, RESOLVED, ERROR, IDLE);
    row(RESOLVED, LOADING, IDLE, RELOADING, LOCAL, LOCAL, null, null, RESOLVED);
    row(ERROR, LOADING, IDLE, RELOADING, LOCAL, LOCAL, null, null, ERROR);
    row(LOCAL, LOADING, IDLE, RELOADING, LOCAL, LOCAL, null, null, LOCAL);
  }

  private static void row(ResourceStatus from, ResourceStatus... to) {
    TABLE.put(from, Arrays.asList(to));
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (ResourceStatus from : ResourceStatus.values()) {
      for (Event event : Event.values()) {
        ResourceStatus to = TABLE.get(from).get(event.ordinal());
        if (to != null) {
          cells.add(Arguments.of(from, event, to));
        }
      }
    }
    return cells.stream();
  }

  private final ReactiveContext ctx =
      ReactiveContext.builder().name("table").executor(Runnable::run).build();
  private final ScriptedLoader<Integer, String> loader = new ScriptedLoader<>();
  private final Signal<Integer> id = ctx.signal(1);
  private final IOException boom = new IOException("boom");

  /** A fresh resource brought into {@code status} the ordinary way. */
  private Resource<Integer, String> resourceIn(ResourceStatus status) {
    if (status == IDLE) {
      id.set(null);
    }
    Resource<Integer, String> r = Resource.of(ctx, id::get, loader);
    switch (status) {
      case IDLE, LOADING -> {}
      case RELOADING -> {
        loader.last().resolve("v1");
        r.reload();
      }
      case RESOLVED -> loader.last().resolve("v1");
      case ERROR -> {
        loader.last().resolve("v1");
        r.reload();
        loader.last().fail(boom);
      }
      case LOCAL -> {
        loader.last().resolve("v1");
        r.set("local");
      }
    }
    assertEquals(status, r.status());
    return r;
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @MethodSource("cells")
  void transition(ResourceStatus from, Event event, ResourceStatus expected) {
    Resource<Integer, String> r = resourceIn(from);
    ResourceSnapshot<String> before = r.snapshot();
    boolean wasLoading = from.isLoading();
    ScriptedLoader.Call<Integer, String> running = wasLoading ? loader.last() : null;
    AtomicInteger cancelled = new AtomicInteger();
    if (running != null) {
      running.cancellation().onCancel(cancelled::incrementAndGet);
    }
    int loadsBefore = loader.count();

    apply(event, r, running);

    ResourceSnapshot<String> after = r.snapshot();
    assertEquals(expected, after.status(), "status");
    boolean transitioned = transitions(from, event);
    assertEquals(transitioned ? from : before.previousStatus(), after.previousStatus(),
        "previousStatus");
    assertEquals(expected.isLoading(), r.isLoading(), "isLoading");

    boolean startsLoad = expected.isLoading() && transitioned;
    assertEquals(loadsBefore + (startsLoad ? 1 : 0), loader.count(), "loads started");
    if (startsLoad) {
      assertEquals(before, loader.last().request().previous(), "the loader's previous()");
    }
    boolean supersedes = wasLoading && event != Event.LOAD_SUCCEEDS && event != Event.LOAD_FAILS;
    if (running != null) {
      assertEquals(supersedes ? 1 : 0, cancelled.get(), "cancellation fired");
      assertEquals(supersedes, running.cancellation().isCancelled());
      assertEquals(supersedes, running.future().isCancelled(), "future cancelled");
    }

    switch (expected) {
      case ERROR -> {
        assertSame(boom, after.error());
        assertFalse(after.hasValue());
      }
      case LOCAL -> assertEquals(
          switch (event) {
            case SET -> "mine";
            case UPDATE -> before.storedValue() + "+";
            default -> before.value();
          },
          after.value());
      case RESOLVED -> assertEquals(
          event == Event.LOAD_SUCCEEDS ? "loaded" : before.value(), after.value());
      default -> assertEquals(before.storedValue(), after.value(), "value kept");
    }
    if (expected != ERROR) {
      assertEquals(null, after.error());
    }
  }

  private void apply(Event event, Resource<Integer, String> r,
      ScriptedLoader.Call<Integer, String> running) {
    switch (event) {
      case PARAMS_CHANGE -> id.set(id.peek() == null ? 7 : id.peek() + 1);
      case PARAMS_NULL -> id.set(null);
      case RELOAD -> assertEquals(id.peek() != null, r.reload(), "reload() result");
      case SET -> r.set("mine");
      case UPDATE -> r.update(v -> v + "+");
      case LOAD_SUCCEEDS -> running.resolve("loaded");
      case LOAD_FAILS -> running.fail(boom);
      case CLOSE -> {
        r.close();
        assertTrue(r.isClosed());
      }
    }
  }

  /** Whether the event is a transition (sets previousStatus), rather than no change. */
  private static boolean transitions(ResourceStatus from, Event event) {
    return switch (event) {
      case PARAMS_CHANGE, SET, UPDATE -> true;
      case PARAMS_NULL -> from != IDLE;
      case RELOAD -> from != IDLE;
      case LOAD_SUCCEEDS, LOAD_FAILS, CLOSE -> from.isLoading();
    };
  }
}
