package dev.statewire.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A side effect of a {@link Reactive} class: runs once when the instance is constructed, then
 * again after every commit that changed something it read, until the instance is closed. Must be
 * void, parameterless and overridable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Effect {}
