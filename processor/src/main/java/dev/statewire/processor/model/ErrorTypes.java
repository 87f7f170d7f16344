package dev.statewire.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ErrorType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds references to types that do not exist (yet): in round 1, a type another processor
 * generates is an error type until the next round. Such classes are analysed later, unless the
 * only missing types are the classes this processor is about to generate.
 */
public final class ErrorTypes {
  private ErrorTypes() {}

  /** The simple names of the missing types that the signatures of {@code type} mention. */
  public static Set<String> inSignatures(TypeElement type) {
    Set<String> missing = new LinkedHashSet<>();
    for (TypeElement current = type; current != null; ) {
      TypeMirror superclass = current.getSuperclass();
      collect(superclass, missing);
      for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
        collect(field.asType(), missing);
      }
      List<ExecutableElement> executables =
          new ArrayList<>(ElementFilter.methodsIn(current.getEnclosedElements()));
      executables.addAll(ElementFilter.constructorsIn(current.getEnclosedElements()));
      for (ExecutableElement executable : executables) {
        collect(executable.getReturnType(), missing);
        executable.getParameters().forEach(p -> collect(p.asType(), missing));
        executable.getThrownTypes().forEach(t -> collect(t, missing));
      }
      current =
          superclass.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) superclass).asElement()
              : null;
    }
    return missing;
  }

  /** Adds the simple name of {@code type}, or of the types in it, where they are missing. */
  public static void collect(TypeMirror type, Set<String> missing) {
    switch (type.getKind()) {
      case ERROR:
        missing.add(((ErrorType) type).asElement().getSimpleName().toString());
        break;
      case ARRAY:
        collect(((ArrayType) type).getComponentType(), missing);
        break;
      case DECLARED:
        ((DeclaredType) type).getTypeArguments().forEach(t -> collect(t, missing));
        break;
      default:
        break;
    }
  }
}
