package dev.statewire.processor.model;

import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A non-static, non-final instance field of a {@code @Reactive} class (or of a {@code @Reactive}
 * superclass): the generated class keeps one signal for it.
 *
 * @param element the field
 * @param type the field's type as seen from the generated class (type variables of generic
 *     superclasses resolved)
 */
public record ReactiveField(VariableElement element, TypeMirror type) {

  /** The field's simple name. */
  public String name() {
    return element.getSimpleName().toString();
  }

  /** The class that declares the field. */
  public TypeElement declaringClass() {
    return (TypeElement) element.getEnclosingElement();
  }
}
