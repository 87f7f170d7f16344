package dev.statewire.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The Statewire annotations, found by qualified name so that look-alikes (another library's
 * {@code @Effect}) are never mistaken for them.
 */
public final class StatewireAnnotations {
  public static final String REACTIVE = "dev.statewire.annotation.Reactive";
  public static final String DERIVED = "dev.statewire.annotation.Derived";
  public static final String EFFECT = "dev.statewire.annotation.Effect";
  public static final String BACKGROUND = "dev.statewire.annotation.Background";
  public static final String STATEWIRE_GENERATED = "dev.statewire.annotation.StatewireGenerated";

  private StatewireAnnotations() {}

  /** Whether {@code element} carries the annotation named {@code qualifiedName}. */
  public static boolean isPresent(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }
}
