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
 * become actions that commit under the instance's lock.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Reactive {}
