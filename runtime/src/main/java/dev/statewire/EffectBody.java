package dev.statewire;

/** The body of an effect that registers cleanups: {@code Effect.of(cleanup -> ...)}. */
@FunctionalInterface
public interface EffectBody {
  /**
   * One run of the effect; {@code cleanup} registers actions to run before the next run.
   *
   * @param cleanup registers actions to run before the next run and on close
   */
  void run(Cleanup cleanup);
}
