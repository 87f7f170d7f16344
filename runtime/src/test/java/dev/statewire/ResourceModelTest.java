package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of params changes, reloads, local writes and completions (including late
 * completions of superseded loads, from a loader that ignores cancellation), checked after
 * every step against a small reference model of the state machine. Seeded and reproducible.
 */
class ResourceModelTest {
  private static final int STEPS = 2_000;

  /** One load as the model sees it, with the resource's request and the loader's future. */
  private record Load(
      ResourceLoaderParams<Integer, String> request, CompletableFuture<String> source) {}

  /** The reference: what the resource should show. */
  private static final class Model {
    ResourceStatus status = ResourceStatus.IDLE;
    ResourceStatus previous = ResourceStatus.IDLE;
    String value;
    Throwable error;
    Integer params;
    int current = -1; // index of the running load, -1 if none
    final List<Boolean> cancelled = new ArrayList<>();

    void transition(ResourceStatus to, String newValue, Throwable newError) {
      previous = status;
      status = to;
      value = newValue;
      error = newError;
    }

    void supersede() {
      if (current >= 0) {
        cancelled.set(current, true);
        current = -1;
      }
    }

    void startLoad(ResourceStatus loading) {
      transition(loading, value, null);
      supersede();
      cancelled.add(false);
      current = cancelled.size() - 1;
    }
  }

  @Test
  void randomEventSequencesMatchTheModel() {
    for (long seed = 1; seed <= 5; seed++) {
      check(seed);
    }
  }

  private void check(long seed) {
    ReactiveContext ctx = ReactiveContext.builder().executor(Runnable::run).build();
    Signal<Integer> params = ctx.signal(1);
    List<Load> loads = new ArrayList<>();
    Resource<Integer, String> r =
        Resource.of(
            ctx,
            params::get,
            request -> {
              CompletableFuture<String> source = new CompletableFuture<>();
              loads.add(new Load(request, source));
              return source.minimalCompletionStage(); // ignores cancellation
            });
    Model model = new Model();
    model.params = 1;
    model.startLoad(ResourceStatus.LOADING);
    List<ResourceSnapshot<String>> expectedPrevious = new ArrayList<>();
    expectedPrevious.add(snapshotOf(ResourceStatus.IDLE, ResourceStatus.IDLE, null, null));

    Random random = new Random(seed);
    for (int step = 0; step < STEPS; step++) {
      ResourceSnapshot<String> before =
          snapshotOf(model.status, model.previous, model.value, model.error);
      int loadsBefore = model.cancelled.size();
      String event = apply(random, r, params, loads, model);
      String where = "seed " + seed + ", step " + step + " (" + event + ")";
      if (model.cancelled.size() > loadsBefore) {
        expectedPrevious.add(before);
      }
      ResourceSnapshot<String> actual = r.snapshot();
      assertEquals(model.status, actual.status(), where + ": status");
      assertEquals(model.previous, actual.previousStatus(), where + ": previousStatus");
      assertEquals(model.value, actual.storedValue(), where + ": value");
      assertSame(model.error, actual.error(), where + ": error");
      assertEquals(model.cancelled.size(), loads.size(), where + ": loads started");
      for (int i = 0; i < loads.size(); i++) {
        Load load = loads.get(i);
        assertEquals(model.cancelled.get(i), load.request().cancellation().isCancelled(),
            where + ": load " + i + " cancelled");
        assertEquals(expectedPrevious.get(i), load.request().previous(),
            where + ": load " + i + " previous()");
      }
    }
  }

  private static String apply(
      Random random, Resource<Integer, String> r, Signal<Integer> params, List<Load> loads,
      Model model) {
    int dice = random.nextInt(100);
    if (dice < 25) {
      Integer p = random.nextInt(4) == 0 ? null : random.nextInt(3);
      params.set(p);
      if (!Objects.equals(p, model.params)) {
        model.params = p;
        if (p == null) {
          if (model.status != ResourceStatus.IDLE) {
            model.transition(ResourceStatus.IDLE, model.value, null);
          }
          model.supersede();
        } else {
          model.startLoad(ResourceStatus.LOADING);
        }
      }
      return "params " + p;
    } else if (dice < 35) {
      boolean started = r.reload();
      assertEquals(model.params != null, started);
      if (started) {
        model.startLoad(ResourceStatus.RELOADING);
      }
      return "reload";
    } else if (dice < 42) {
      String v = "set" + random.nextInt(3);
      r.set(v);
      model.transition(ResourceStatus.LOCAL, v, null);
      model.supersede();
      return "set " + v;
    } else if (dice < 47) {
      r.update(v -> v + "+");
      model.transition(ResourceStatus.LOCAL, model.value + "+", null);
      model.supersede();
      return "update";
    }
    if (loads.isEmpty()) {
      return "nothing to complete";
    }
    int i = random.nextBoolean() ? loads.size() - 1 : random.nextInt(loads.size());
    Load load = loads.get(i);
    if (load.source().isDone()) {
      return "load " + i + " already done";
    }
    if (dice < 80) {
      load.source().complete("r" + i);
      if (i == model.current) {
        model.transition(ResourceStatus.RESOLVED, "r" + i, null);
        model.current = -1;
      }
      return "load " + i + " succeeds";
    }
    IllegalStateException failure = new IllegalStateException("load " + i + " failed");
    load.source().completeExceptionally(failure);
    if (i == model.current) {
      model.transition(ResourceStatus.ERROR, model.value, failure);
      model.current = -1;
    }
    return "load " + i + " fails";
  }

  private static ResourceSnapshot<String> snapshotOf(
      ResourceStatus status, ResourceStatus previous, String value, Throwable error) {
    return new ResourceSnapshot<>("resource", status, previous, value, error);
  }
}
