package dev.statewire.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The codec a store uses for a reactive field whose type has no generated one (or to replace
 * the generated one): {@code @Codec(MoneyCodec.class) Money price;}. The class must implement
 * {@code dev.statewire.codec.StateCodec<F>}, {@code F} the field's (boxed) type, be
 * non-generic and not abstract, and have a no-arg constructor the generated class can call;
 * the processor checks this (SW502). The generated class creates one instance and shares it, so
 * the codec must be thread-safe.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Codec {
  /**
   * The codec class (typed {@code Class<?>} because this module depends on nothing; the processor
   * checks that it is a {@code StateCodec} of the field's type).
   *
   * @return the class implementing {@code StateCodec} of the field's type
   */
  Class<?> value();
}
