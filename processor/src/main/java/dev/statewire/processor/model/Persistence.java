package dev.statewire.processor.model;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * What a store persists: every reactive field except {@code transient} ones, and for classes marked
 * {@code @Reactive(stored = true)} (or extending one) every such field must have a codec.
 */
public final class Persistence {
  private Persistence() {}

  /** Whether a store persists {@code field}: it is not {@code transient}. */
  public static boolean isPersisted(ReactiveField field) {
    return !field.element().getModifiers().contains(Modifier.TRANSIENT);
  }

  /** Whether {@code type} or a superclass says {@code @Reactive(stored = true)}. */
  public static boolean isStored(TypeElement type) {
    for (TypeElement current = type;
        current != null;
        current = ModelCollector.superclassOf(current)) {
      boolean stored =
          StatewireAnnotations.find(current, StatewireAnnotations.REACTIVE)
              .flatMap(mirror -> StatewireAnnotations.attribute(mirror, "stored"))
              .map(Boolean.TRUE::equals)
              .orElse(false);
      if (stored) {
        return true;
      }
    }
    return false;
  }
}
