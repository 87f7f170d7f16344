package dev.statewire.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose instance fields are reactive state.
 *
 * <p>The Statewire processor generates a subclass {@code ReactiveX} (for a nested class
 * {@code Outer.X}: {@code ReactiveOuter_X}) in the same package. Its non-static, non-final
 * fields become signals; methods that read them become tracked reads; methods that write them
 * become actions that commit under the instance's lock. A {@code transient} field is reactive
 * like any other but is not persisted by a store.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Reactive {
  /**
   * Whether instances are meant for a store (such as {@code statewire-redis}), which persists
   * every non-{@code transient} reactive field: then a field whose type has no codec is a
   * compile error (SW501) instead of a failure when the instance is bound. A subclass of a
   * stored class is stored too.
   *
   * @return true for a class whose state a store persists; false unless given
   */
  boolean stored() default false;
}
