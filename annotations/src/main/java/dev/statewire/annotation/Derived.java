package dev.statewire.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A lazily computed, cached value of a {@link Reactive} class: recomputed only when a field it
 * read has changed. Must be pure, non-void, parameterless and overridable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Derived {}
