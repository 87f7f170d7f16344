package dev.statewire.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A task of a {@link Reactive} class: calling the method submits its body to the context's
 * executor and returns at once. Inside, state may change only in a lock block, {@code try (var
 * self = Statewire.lock(this)) { ... }}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Background {
  /**
   * What a call does while an earlier call of the same method is still running.
   *
   * @return the policy; {@link Policy#PARALLEL} unless given
   */
  Policy value() default Policy.PARALLEL;

  /** The behaviour of a second call while one runs. */
  enum Policy {
    /** Start another task beside the running one (Reflex's behaviour). */
    PARALLEL,
    /** Ignore the call: the running task goes on, no new task starts. */
    SKIP,
    /** Cancel the running task and start a new one. */
    SUPERSEDE
  }
}
