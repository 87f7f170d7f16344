package dev.statewire.processor.model;

import java.util.List;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * How the values of a reactive field are encoded for a store, as {@link FieldCodecs} decided it
 * from the field's declared type: one of the runtime's {@code StateCodecs}, composed, or the class
 * {@code @Codec} names; or {@link None}, with the reason.
 */
public sealed interface CodecPlan {

  /** A constant of {@code StateCodecs}: {@code INT}, {@code BOXED_INT}, {@code STRING}, ... */
  record Constant(String name) implements CodecPlan {}

  /** {@code StateCodecs.enumeration(E.class)}. */
  record OfEnum(DeclaredType type) implements CodecPlan {}

  /** {@code StateCodecs.record(...)}: one member per component, in declaration order. */
  record OfRecord(DeclaredType type, List<Component> components) implements CodecPlan {}

  /** A record component: its name (and accessor's) and the codec of its type. */
  record Component(String name, CodecPlan codec) {}

  /** {@code StateCodecs.list(elements)}. */
  record ListOf(CodecPlan elements) implements CodecPlan {}

  /** {@code StateCodecs.set(elements)}. */
  record SetOf(CodecPlan elements) implements CodecPlan {}

  /** {@code StateCodecs.map(keys, values)}. */
  record MapOf(CodecPlan keys, CodecPlan values) implements CodecPlan {}

  /**
   * {@code new C()} for the class {@code @Codec(C.class)} names on the field.
   *
   * @param codecClass the class, a {@code StateCodec<V>}
   * @param valueType {@code V}: the field's type, boxed
   */
  record Declared(DeclaredType codecClass, TypeMirror valueType) implements CodecPlan {}

  /**
   * No codec: the store must be given one, or refuses the object.
   *
   * @param reason why, completing "has no codec: ...": {@code test.Shape is an interface, in
   *     java.util.List<test.Shape>}
   */
  record None(String reason) implements CodecPlan {}
}
