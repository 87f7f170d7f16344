package dev.statewire;

import java.util.function.Supplier;

/** Entry points that act on {@link ReactiveContext#current()}: batches and untracked reads. */
public final class Statewire {
  private Statewire() {}

  /**
   * Runs {@code body} as one batch: its writes propagate together and effects run once, when
   * the outermost batch ends (also if {@code body} throws).
   */
  public static void batch(Runnable body) {
    ReactiveContext.current().batch(body);
  }

  /** As {@link #batch(Runnable)}, returning {@code body}'s result. */
  public static <T> T batch(Supplier<T> body) {
    return ReactiveContext.current().batch(body);
  }

  /** Evaluates {@code body} without making the running computed or effect depend on its reads. */
  public static <T> T untracked(Supplier<T> body) {
    return ReactiveContext.current().untracked(body);
  }

  /** Runs {@code body} without making the running computed or effect depend on its reads. */
  public static void untracked(Runnable body) {
    ReactiveContext.current().untracked(() -> {
      body.run();
      return null;
    });
  }

  /**
   * Registers {@code action} to run before the next run of the effect that is running now on
   * this thread, and when it is closed.
   *
   * @throws IllegalStateException if no effect is running on this thread
   */
  public static void onCleanup(Runnable action) {
    ReactiveContext.current().onCleanup(action);
  }
}
