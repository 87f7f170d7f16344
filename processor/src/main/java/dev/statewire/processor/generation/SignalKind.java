package dev.statewire.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import javax.lang.model.type.TypeMirror;

/**
 * Which runtime signal keeps a field's committed value: an {@code int}, {@code long}, {@code
 * double} or {@code boolean} field one of the unboxed kinds ({@code IntSignal}...), every other
 * field a {@code Signal} of its (boxed) type. The narrow primitives ({@code byte}, {@code short},
 * {@code char}, {@code float}) stay in a {@code Signal}: their {@code ReadableSignal} view, which
 * {@code stateFields()} hands to codecs, must be of the field's own boxed type.
 */
enum SignalKind {
  INT("IntSignal", "intSignal", "Int"),
  LONG("LongSignal", "longSignal", "Long"),
  DOUBLE("DoubleSignal", "doubleSignal", "Double"),
  BOOLEAN("BooleanSignal", "booleanSignal", "Boolean"),
  BOXED("Signal", "signal", "");

  private final ClassName type;
  private final String factory;
  private final String accessorSuffix;

  SignalKind(String type, String factory, String accessorSuffix) {
    this.type = ClassName.get("dev.statewire", type);
    this.factory = factory;
    this.accessorSuffix = accessorSuffix;
  }

  static SignalKind of(TypeMirror fieldType) {
    switch (fieldType.getKind()) {
      case INT:
        return INT;
      case LONG:
        return LONG;
      case DOUBLE:
        return DOUBLE;
      case BOOLEAN:
        return BOOLEAN;
      default:
        return BOXED;
    }
  }

  /** {@return the type of the signal field} */
  TypeName signalType(TypeMirror fieldType) {
    return this == BOXED
        ? ParameterizedTypeName.get(type, GenerationTarget.boxed(fieldType))
        : type;
  }

  /** {@return the {@code ReactiveContext} method that creates the signal} */
  String factory() {
    return factory;
  }

  /** {@return the tracked read: {@code get}, {@code getInt}...} */
  String get() {
    return "get" + accessorSuffix;
  }

  /** {@return the untracked read: {@code peek}, {@code peekInt}...} */
  String peek() {
    return "peek" + accessorSuffix;
  }
}
