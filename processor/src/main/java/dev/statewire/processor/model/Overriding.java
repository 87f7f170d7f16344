package dev.statewire.processor.model;

import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/**
 * Which methods the generated class overrides: only those a subclass in the annotated class's
 * package can override. A call to any other method of the class runs its body as written, with
 * no lock taken for it.
 */
public final class Overriding {
  private Overriding() {}

  /** The generated class, in the package of {@code model}'s class, can override {@code method}. */
  public static boolean isOverridable(
      ReactiveClass model, ExecutableElement method, Elements elements) {
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)
        || modifiers.contains(Modifier.STATIC)
        || modifiers.contains(Modifier.FINAL)
        || modifiers.contains(Modifier.ABSTRACT)) {
      return false;
    }
    boolean packagePrivate =
        !modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.PROTECTED);
    return !packagePrivate
        || elements.getPackageOf(method).equals(elements.getPackageOf(model.element()));
  }
}
