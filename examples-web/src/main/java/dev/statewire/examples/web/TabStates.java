package dev.statewire.examples.web;

import dev.statewire.ReactiveContext;
import dev.statewire.examples.ReactiveTaskState;
import dev.statewire.redis.RedisStateStore;
import java.util.concurrent.Executor;

/**
 * Where a tab's context and state live: in this process alone (the default), or under the
 * Redis key {@code session:<token>}, shared with every server started with the same
 * {@code --redis} URI (each applies the others' commits to its copy, so its streams push them).
 */
interface TabStates {
  /** {@return a new context for the tab of {@code token}} */
  ReactiveContext context(String token);

  /** {@return {@code state}, made in {@code context}, ready for the tab's requests} */
  ReactiveTaskState bind(ReactiveContext context, ReactiveTaskState state);

  /** Tabs in this process: a context of their own each, their tasks on {@code executor}. */
  static TabStates local(Executor executor) {
    return new TabStates() {
      @Override
      public ReactiveContext context(String token) {
        return ReactiveContext.builder()
            .name("tab-" + token.substring(0, 6))
            .executor(executor)
            .build();
      }

      @Override
      public ReactiveTaskState bind(ReactiveContext context, ReactiveTaskState state) {
        return state;
      }
    };
  }

  /** Tabs on Redis: the context of key {@code session:<token>}, the state bound as "counter". */
  static TabStates shared(RedisStateStore store) {
    return new TabStates() {
      @Override
      public ReactiveContext context(String token) {
        return store.context("session:" + token);
      }

      @Override
      public ReactiveTaskState bind(ReactiveContext context, ReactiveTaskState state) {
        return store.bind(context, "counter", state);
      }
    };
  }
}
