package dev.statewire;

import java.util.concurrent.CompletionStage;

/**
 * Loads a {@link Resource}'s value for one set of params.
 *
 * <p>Called on the context's executor (never under the context's lock, unless the executor runs
 * tasks in place), outside any tracking: signals read here are not dependencies. Return at once
 * with a stage that completes later; watch {@link ResourceLoaderParams#cancellation()} to stop
 * work that is no longer wanted. A thrown exception, a failed stage or a {@code null} stage puts
 * the resource in {@link ResourceStatus#ERROR}.
 *
 * @param <P> the params type
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResourceLoader<P, T> {
  /**
   * Starts one load; it should stop when {@code request.cancellation()} fires.
   *
   * @param request the params, the load's cancellation and the state before the load
   * @return a stage that completes with the loaded value
   * @throws Exception a failure to start the load; the resource goes to {@code ERROR}
   */
  CompletionStage<? extends T> load(ResourceLoaderParams<P, T> request) throws Exception;
}
