package dev.statewire.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.Locale;
import javax.lang.model.type.TypeMirror;

/**
 * Which runtime signal keeps a field's committed value, and which computed a {@code @Derived}
 * method's: for an {@code int}, {@code long}, {@code double} or {@code boolean} one of the
 * unboxed kinds ({@code IntSignal}, {@code IntComputed}...), for every other type a {@code
 * Signal} or {@code Computed} of its (boxed) type. The narrow primitives ({@code byte}, {@code
 * short}, {@code char}, {@code float}) stay boxed: their {@code ReadableSignal} view, which
 * {@code stateFields()} hands to codecs, must be of their own boxed type.
 */
enum SignalKind {
  INT("Int"),
  LONG("Long"),
  DOUBLE("Double"),
  BOOLEAN("Boolean"),
  BOXED("");

  private final String prefix;

  SignalKind(String prefix) {
    this.prefix = prefix;
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
    return nodeType("Signal", fieldType);
  }

  /** {@return the {@code ReactiveContext} method that creates the signal} */
  String factory() {
    return factoryOf("Signal");
  }

  /** {@return the type of the computed field of a derived method returning {@code type}} */
  TypeName computedType(TypeMirror type) {
    return nodeType("Computed", type);
  }

  /** {@return the {@code ReactiveContext} method that creates the computed} */
  String computedFactory() {
    return factoryOf("Computed");
  }

  /** {@return the tracked read: {@code get}, {@code getInt}...} */
  String get() {
    return "get" + prefix;
  }

  /** {@return the untracked read: {@code peek}, {@code peekInt}...} */
  String peek() {
    return "peek" + prefix;
  }

  /** {@code IntSignal}, or {@code Signal<T>} for the boxed kind. */
  private TypeName nodeType(String node, TypeMirror valueType) {
    ClassName type = ClassName.get("dev.statewire", prefix + node);
    return this == BOXED
        ? ParameterizedTypeName.get(type, GenerationTarget.boxed(valueType))
        : type;
  }

  /** {@code intSignal}, or {@code signal} for the boxed kind. */
  private String factoryOf(String node) {
    return prefix.toLowerCase(Locale.ROOT) + (this == BOXED ? node.toLowerCase(Locale.ROOT) : node);
  }
}
