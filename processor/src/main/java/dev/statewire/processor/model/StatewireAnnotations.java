package dev.statewire.processor.model;

import java.util.Optional;
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
  public static final String CODEC = "dev.statewire.annotation.Codec";

  private StatewireAnnotations() {}

  /** Whether {@code element} carries the annotation named {@code qualifiedName}. */
  public static boolean isPresent(Element element, String qualifiedName) {
    return find(element, qualifiedName).isPresent();
  }

  /** The annotation named {@code qualifiedName} on {@code element}, if it has one. */
  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value of attribute {@code name} given in {@code mirror}, if it is given (not defaulted). */
  public static Optional<Object> attribute(AnnotationMirror mirror, String name) {
    for (var entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue().getValue());
      }
    }
    return Optional.empty();
  }
}
