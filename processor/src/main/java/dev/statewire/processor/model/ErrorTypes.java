package dev.statewire.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds references to types that do not exist (yet): in round 1, a type another processor
 * generates is an error type until the next round. Such classes are analysed later.
 */
public final class ErrorTypes {
  private ErrorTypes() {}

  /** The superclasses, fields, methods or constructors of {@code type} mention a missing type. */
  public static boolean inSignatures(TypeElement type) {
    for (TypeElement current = type; current != null; ) {
      TypeMirror superclass = current.getSuperclass();
      if (isOrContainsError(superclass)) {
        return true;
      }
      for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
        if (isOrContainsError(field.asType())) {
          return true;
        }
      }
      List<ExecutableElement> executables =
          new ArrayList<>(ElementFilter.methodsIn(current.getEnclosedElements()));
      executables.addAll(ElementFilter.constructorsIn(current.getEnclosedElements()));
      for (ExecutableElement executable : executables) {
        if (isOrContainsError(executable.getReturnType())
            || executable.getParameters().stream().anyMatch(p -> isOrContainsError(p.asType()))
            || executable.getThrownTypes().stream().anyMatch(ErrorTypes::isOrContainsError)) {
          return true;
        }
      }
      current =
          superclass.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) superclass).asElement()
              : null;
    }
    return false;
  }

  private static boolean isOrContainsError(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return true;
      case ARRAY:
        return isOrContainsError(((ArrayType) type).getComponentType());
      case DECLARED:
        return ((DeclaredType) type).getTypeArguments().stream()
            .anyMatch(ErrorTypes::isOrContainsError);
      default:
        return false;
    }
  }
}
