package dev.statewire.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A lazily computed, cached value of a {@link Reactive} class: recomputed only when a field it
 * read has changed. Must be pure, non-void, parameterless and overridable. An async one (returning
 * a {@code CompletionStage}) may take the load's {@code Cancellation} and the previous {@code
 * ResourceSnapshot} as parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Derived {
  /**
   * The name of a static member of the class that decides when a recomputed value counts as
   * unchanged (nothing downstream re-runs): a {@code static final BiPredicate<T, T>} field, or a
   * {@code static boolean name(T a, T b)} method, where {@code T} is the method's return type.
   * Empty (the default): {@code Objects.equals}. Only for synchronous derived values.
   *
   * @return the field or method name, or empty for {@code Objects.equals}
   */
  String equality() default "";
}
