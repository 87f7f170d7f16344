package dev.statewire.processor.model;

import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** How messages and Javadoc name a method: {@code reset(int, String)}. */
public final class Signatures {
  private Signatures() {}

  /** The method's name with its parameter types, simple names only. */
  public static String of(ExecutableElement method) {
    return method.getSimpleName()
        + method.getParameters().stream()
            .map(p -> simpleName(p.asType()))
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String simpleName(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      return ((DeclaredType) type).asElement().getSimpleName().toString();
    }
    return type.toString();
  }
}
