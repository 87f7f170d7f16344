package dev.statewire;

import static dev.statewire.ResourceStatus.ERROR;
import static dev.statewire.ResourceStatus.IDLE;
import static dev.statewire.ResourceStatus.LOADING;
import static dev.statewire.ResourceStatus.LOCAL;
import static dev.statewire.ResourceStatus.RELOADING;
import static dev.statewire.ResourceStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the resource state machine, driven step by step: the context runs the
 * loader in place and {@link ScriptedLoader} completes each load when the test says.
 */
class ResourceTest {
  private final List<Throwable> reported = new ArrayList<>();
  private final ReactiveContext ctx =
      ReactiveContext.builder()
          .name("resource-test")
          .executor(Runnable::run)
          .lockHoldThreshold(Duration.ZERO) // hold reports off: a loaded machine holds long
          .errorHandler((source, error) -> reported.add(error))
          .build();
  private final ScriptedLoader<Integer, String> loader = new ScriptedLoader<>();
  private final Signal<Integer> id = ctx.signal(1);

  private Resource<Integer, String> resource() {
    return Resource.of(ctx, id::get, loader).named("user");
  }

  private static void assertState(
      Resource<?, ?> r, ResourceStatus status, ResourceStatus previous, Object value) {
    assertEquals(status, r.status(), "status");
    assertEquals(previous, r.previousStatus(), "previousStatus");
    assertEquals(value, r.value(), "value");
    assertEquals(status == LOADING || status == RELOADING, r.isLoading(), "isLoading");
    assertEquals(value != null, r.hasValue(), "hasValue");
  }

  @Test
  void nullParamsMeanIdleAndNoLoad() {
    id.set(null);
    Resource<Integer, String> r = resource();
    assertState(r, IDLE, IDLE, null);
    assertNull(r.error());
    assertEquals(0, loader.count());
  }

  @Test
  void creationWithParamsStartsLoadingAtOnce() {
    Resource<Integer, String> r = resource();
    assertState(r, LOADING, IDLE, null);
    assertEquals(1, loader.count());
    ResourceLoaderParams<Integer, String> request = loader.last().request();
    assertEquals(1, request.params());
    assertEquals(IDLE, request.previous().status());
    assertFalse(request.cancellation().isCancelled());
  }

  @Test
  void successResolves() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    assertState(r, RESOLVED, LOADING, "ann");
    assertNull(r.error());
  }

  @Test
  void paramsChangeLoadsAgainKeepingTheValueAndCancelsTheRunningLoad() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    id.set(2);
    assertState(r, LOADING, RESOLVED, "ann");
    ScriptedLoader.Call<Integer, String> second = loader.last();
    assertEquals(2, second.params());
    assertEquals(RESOLVED, second.request().previous().status());
    assertEquals("ann", second.request().previous().value());

    AtomicInteger fired = new AtomicInteger();
    second.cancellation().onCancel(fired::incrementAndGet);
    id.set(3);
    assertState(r, LOADING, LOADING, "ann");
    assertTrue(second.cancellation().isCancelled());
    assertTrue(second.future().isCancelled());
    assertEquals(1, fired.get());
    assertEquals(LOADING, loader.last().request().previous().status());

    loader.last().resolve("cy");
    assertState(r, RESOLVED, LOADING, "cy");
    assertEquals(1, fired.get());
  }

  @Test
  void nullParamsGoIdleKeepingTheValueAndCancelTheRunningLoad() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    id.set(2);
    ScriptedLoader.Call<Integer, String> running = loader.last();
    id.set(null);
    assertState(r, IDLE, LOADING, "ann");
    assertTrue(running.cancellation().isCancelled());
    assertTrue(running.future().isCancelled());
    assertEquals(2, loader.count());
    id.set(4);
    assertState(r, LOADING, IDLE, "ann");
    assertEquals(IDLE, loader.last().request().previous().status());
  }

  @Test
  void failureIsErrorAndALaterSuccessClearsIt() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    id.set(2);
    IOException boom = new IOException("boom");
    loader.last().fail(boom);
    assertEquals(ERROR, r.status());
    assertEquals(LOADING, r.previousStatus());
    assertSame(boom, r.error());
    assertFalse(r.hasValue());
    assertFalse(r.isLoading());
    ResourceErrorException thrown = assertThrows(ResourceErrorException.class, r::value);
    assertSame(boom, thrown.getCause());
    assertTrue(thrown.getMessage().contains("'user'"), thrown.getMessage());
    assertSame(boom, r.snapshot().error());
    assertThrows(ResourceErrorException.class, () -> r.snapshot().value());

    id.set(3);
    assertState(r, LOADING, ERROR, "ann");
    assertNull(r.error());
    assertEquals(ERROR, loader.last().request().previous().status());
    loader.last().resolve("cy");
    assertState(r, RESOLVED, LOADING, "cy");
    assertNull(r.error());
  }

  @Test
  void aLoaderThatThrowsOrReturnsNullIsAnError() {
    IllegalStateException thrown = new IllegalStateException("no network");
    Resource<Integer, String> throwing =
        Resource.of(
            ctx,
            id::get,
            request -> {
              throw thrown;
            });
    assertEquals(ERROR, throwing.status());
    assertSame(thrown, throwing.error());

    Resource<Integer, String> returningNull =
        Resource.<Integer, String>of(ctx, id::get, request -> null);
    assertEquals(ERROR, returningNull.status());
    assertInstanceOf(NullPointerException.class, returningNull.error());
    assertTrue(returningNull.error().getMessage().contains("returned null"));
  }

  @Test
  void aFailingParamsComputationIsAnErrorUntilItRecovers() {
    Signal<Boolean> broken = ctx.signal(false);
    Resource<Integer, String> r =
        Resource.of(
            ctx,
            () -> {
              if (broken.get()) {
                throw new IllegalArgumentException("bad id");
              }
              return id.get();
            },
            loader);
    loader.last().resolve("ann");
    broken.set(true);
    assertEquals(ERROR, r.status());
    assertInstanceOf(IllegalArgumentException.class, r.error());
    assertFalse(r.reload());
    broken.set(false);
    assertState(r, LOADING, ERROR, "ann");
    assertEquals(2, loader.count());
  }

  @Test
  void paramsFailingWithAnErrorAlsoGoToError() {
    Signal<Boolean> broken = ctx.signal(false);
    Resource<Integer, String> r =
        Resource.of(
            ctx,
            () -> {
              if (broken.get()) {
                throw new AssertionError("bad id");
              }
              return id.get();
            },
            loader);
    loader.last().resolve("ann");
    broken.set(true);
    assertEquals(ERROR, r.status());
    assertInstanceOf(AssertionError.class, r.error());
    assertFalse(r.reload());
    broken.set(false);
    assertState(r, LOADING, ERROR, "ann");
  }

  @Test
  void reloadKeepsTheValueAndTellsTheLoaderWhatWasThere() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    assertTrue(r.reload());
    assertState(r, RELOADING, RESOLVED, "ann");
    ResourceLoaderParams<Integer, String> request = loader.last().request();
    assertEquals(1, request.params());
    assertEquals(RESOLVED, request.previous().status());
    assertEquals("ann", request.previous().value());
    loader.last().resolve("ann 2");
    assertState(r, RESOLVED, RELOADING, "ann 2");
  }

  @Test
  void reloadDuringALoadCancelsIt() {
    Resource<Integer, String> r = resource();
    ScriptedLoader.Call<Integer, String> first = loader.last();
    AtomicInteger fired = new AtomicInteger();
    first.cancellation().onCancel(fired::incrementAndGet);
    assertTrue(r.reload());
    assertState(r, RELOADING, LOADING, null);
    assertTrue(first.future().isCancelled());
    assertEquals(1, fired.get());
    assertEquals(LOADING, loader.last().request().previous().status());
  }

  @Test
  void reloadWithoutParamsDoesNothing() {
    id.set(null);
    Resource<Integer, String> r = resource();
    assertFalse(r.reload());
    assertState(r, IDLE, IDLE, null);
    assertEquals(0, loader.count());
  }

  @Test
  void aParamsChangeAfterAReloadIsLoadingNotReloading() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    r.reload();
    loader.last().resolve("ann 2");
    id.set(2);
    assertState(r, LOADING, RESOLVED, "ann 2");
  }

  @Test
  void setIsLocalAndCancelsTheRunningLoad() {
    Resource<Integer, String> r = resource();
    ScriptedLoader.Call<Integer, String> running = loader.last();
    AtomicInteger fired = new AtomicInteger();
    running.cancellation().onCancel(fired::incrementAndGet);
    r.set("mine");
    assertState(r, LOCAL, LOADING, "mine");
    assertTrue(running.future().isCancelled());
    assertEquals(1, fired.get());
    r.set("mine again");
    assertState(r, LOCAL, LOCAL, "mine again");
    assertEquals(1, fired.get());
  }

  @Test
  void updateIsLocalAppliesToTheCurrentValueAndCancelsTheRunningLoad() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    id.set(2);
    ScriptedLoader.Call<Integer, String> running = loader.last();
    assertEquals("ann!", r.update(v -> v + "!"));
    assertState(r, LOCAL, LOADING, "ann!");
    assertTrue(running.cancellation().isCancelled());
    assertTrue(running.future().isCancelled());
  }

  @Test
  void updateInErrorSeesTheStoredValue() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    r.reload();
    loader.last().fail(new IOException("down"));
    assertEquals("ann?", r.update(v -> v + "?"));
    assertState(r, LOCAL, ERROR, "ann?");
  }

  @Test
  void aParamsChangeAfterSetLoadsAgain() {
    Resource<Integer, String> r = resource();
    r.set("mine");
    id.set(2);
    assertState(r, LOADING, LOCAL, "mine");
    assertEquals(LOCAL, loader.last().request().previous().status());
  }

  @Test
  void closeCancelsStopsLoadingAndRejectsWrites() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    id.set(2);
    ScriptedLoader.Call<Integer, String> running = loader.last();
    AtomicInteger fired = new AtomicInteger();
    running.cancellation().onCancel(fired::incrementAndGet);
    r.close();
    assertTrue(r.isClosed());
    assertState(r, IDLE, LOADING, "ann");
    assertTrue(running.future().isCancelled());
    assertEquals(1, fired.get());
    id.set(3);
    assertEquals(2, loader.count());
    assertState(r, IDLE, LOADING, "ann");
    ClosedException e = assertThrows(ClosedException.class, () -> r.set("x"));
    assertTrue(e.getMessage().contains("'user'") && e.getMessage().contains("set()"));
    assertThrows(ClosedException.class, () -> r.update(v -> v));
    assertThrows(ClosedException.class, r::reload);
    r.close();
    assertEquals(1, fired.get());
  }

  @Test
  void closeWhenNotLoadingKeepsTheState() {
    Resource<Integer, String> r = resource();
    loader.last().resolve("ann");
    r.close();
    assertState(r, RESOLVED, LOADING, "ann");
  }

  @Test
  void equalParamsDoNotReload() {
    Signal<String> name = ctx.signal("Ann");
    Computed<String> lower = ctx.computed(() -> name.get().toLowerCase());
    ScriptedLoader<List<String>, String> listLoader = new ScriptedLoader<>();
    Resource<List<String>, String> r = Resource.of(ctx, () -> List.of(lower.get()), listLoader);
    name.set("ANN");
    name.set("ann");
    assertEquals(1, listLoader.count());
    assertEquals(LOADING, r.status());
    name.set("bob");
    assertEquals(2, listLoader.count());
    assertEquals(List.of("bob"), listLoader.last().params());
  }

  @Test
  void aStaleCompletionNeverOverwritesNewerState() {
    // the loader hands out stages that cannot be cancelled: it ignores cancellation
    List<CompletableFuture<String>> sources = new ArrayList<>();
    Resource<Integer, String> r =
        Resource.of(
            ctx,
            id::get,
            request -> {
              CompletableFuture<String> source = new CompletableFuture<>();
              sources.add(source);
              return source.minimalCompletionStage();
            });
    id.set(2);
    sources.get(1).complete("two");
    sources.get(0).complete("one (stale)");
    assertState(r, RESOLVED, LOADING, "two");

    id.set(3);
    r.set("local");
    sources.get(2).complete("three (stale)");
    assertState(r, LOCAL, LOADING, "local");

    r.reload();
    id.set(4);
    sources.get(3).completeExceptionally(new IOException("stale failure"));
    assertEquals(LOADING, r.status());
    sources.get(4).complete("four");
    assertState(r, RESOLVED, LOADING, "four");
  }

  @Test
  void dependentResourcesLoadInAWaterfall() {
    record User(int id, String name) {}
    ScriptedLoader<Integer, User> users = new ScriptedLoader<>();
    ScriptedLoader<Integer, List<String>> posts = new ScriptedLoader<>();
    Resource<Integer, User> user = Resource.of(ctx, id::get, users);
    Resource<Integer, List<String>> userPosts =
        Resource.of(ctx, () -> user.hasValue() ? user.value().id() : null, posts);
    assertEquals(IDLE, userPosts.status());
    users.last().resolve(new User(1, "ann"));
    assertEquals(LOADING, userPosts.status());
    assertEquals(1, posts.last().params());
    posts.last().resolve(List.of("hello"));
    assertEquals(List.of("hello"), userPosts.value());

    id.set(2);
    assertEquals(LOADING, user.status());
    assertEquals(RESOLVED, userPosts.status()); // user 1's value is kept while user 2 loads
    users.last().resolve(new User(2, "bob"));
    assertEquals(LOADING, userPosts.status());
    assertEquals(2, posts.last().params());
    assertEquals(2, posts.count());
  }

  @Test
  void computedsAndEffectsReactToStatusValueAndError() {
    Resource<Integer, String> r = resource();
    List<String> seen = new ArrayList<>();
    ctx.effect(() -> seen.add(r.status() + ":" + (r.hasValue() ? r.value() : "-")));
    AtomicInteger valueRuns = new AtomicInteger();
    Computed<String> shout =
        ctx.computed(
            () -> {
              valueRuns.incrementAndGet();
              return r.hasValue() ? r.value().toUpperCase() : "";
            });
    List<Throwable> errors = new ArrayList<>();
    ctx.effect(() -> errors.add(r.error()));
    ctx.effect(shout::get);
    assertEquals(1, valueRuns.get());

    loader.last().resolve("ann");
    assertEquals(2, valueRuns.get());
    assertEquals("ANN", shout.get());
    r.reload();
    id.set(2); // RELOADING -> LOADING: status changes, value and hasValue do not
    assertEquals(2, valueRuns.get());
    IOException boom = new IOException("boom");
    loader.last().fail(boom);
    assertEquals(3, valueRuns.get());
    assertEquals("", shout.get());
    assertEquals(List.of("LOADING:-", "RESOLVED:ann", "RELOADING:ann", "LOADING:ann", "ERROR:-"),
        seen);
    assertEquals(2, errors.size());
    assertNull(errors.get(0));
    assertSame(boom, errors.get(1));
  }

  @Test
  void snapshotReadsEverythingAtOnceAndIsTracked() {
    Resource<Integer, String> r = resource();
    List<ResourceSnapshot<String>> snapshots = new ArrayList<>();
    ctx.effect(() -> snapshots.add(r.snapshot()));
    loader.last().resolve("ann");
    r.set("mine");
    assertEquals(3, snapshots.size());
    ResourceSnapshot<String> local = snapshots.get(2);
    assertEquals(LOCAL, local.status());
    assertEquals(RESOLVED, local.previousStatus());
    assertEquals("mine", local.value());
    assertNull(local.error());
    assertTrue(local.hasValue());
    assertFalse(local.isLoading());
    assertEquals(LOADING, snapshots.get(0).status());
    assertTrue(snapshots.get(0).isLoading());
  }

  @Test
  void cancellationActionsRunOnceAndLateActionsRunAtOnce() {
    resource();
    Cancellation token = loader.last().cancellation();
    List<String> ran = new ArrayList<>();
    token.onCancel(() -> ran.add("first"));
    token.onCancel(
        () -> {
          throw new IllegalStateException("cleanup failed");
        });
    token.onCancel(() -> ran.add("third"));
    id.set(2);
    assertEquals(List.of("first", "third"), ran);
    assertEquals(1, reported.size());
    token.onCancel(() -> ran.add("late"));
    assertEquals(List.of("first", "third", "late"), ran);
    assertThrows(java.util.concurrent.CancellationException.class, token::throwIfCancelled);
    id.set(3);
    assertEquals(List.of("first", "third", "late"), ran);
  }

  @Test
  void aWriteFromAComputedIsRejected() {
    Resource<Integer, String> r = resource();
    Computed<String> impure =
        ctx.computed(
            () -> {
              r.set("x");
              return "";
            });
    assertThrows(IllegalWriteException.class, impure::get);
    assertEquals(LOADING, r.status());
  }
}
