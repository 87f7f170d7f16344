package dev.statewire.processor.generation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The annotated class with all its supertypes (superclasses and interfaces, transitively), as
 * the generated subclass inherits from them: what a name written in the generated class can
 * resolve to besides what the generated class declares.
 */
final class Hierarchy {
  private final Types types;
  /** Each supertype once, as seen from the annotated class (type arguments substituted). */
  private final List<DeclaredType> supertypes = new ArrayList<>();

  Hierarchy(TypeElement type, Types types) {
    this.types = types;
    Set<Element> seen = new LinkedHashSet<>();
    collect((DeclaredType) type.asType(), seen);
  }

  private void collect(DeclaredType type, Set<Element> seen) {
    if (!seen.add(type.asElement())) {
      return;
    }
    supertypes.add(type);
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype.getKind() == TypeKind.DECLARED) {
        collect((DeclaredType) supertype, seen);
      }
    }
  }

  /** The class and its supertypes, the class first. */
  List<TypeElement> types() {
    return supertypes.stream().map(t -> (TypeElement) t.asElement()).toList();
  }

  /** The supertype declared by {@code type}, with the type arguments the annotated class gives it. */
  Optional<DeclaredType> asSeen(TypeElement type) {
    return supertypes.stream().filter(t -> t.asElement().equals(type)).findFirst();
  }

  /** Whether a field other than {@code field} has its name anywhere in the hierarchy. */
  boolean isNameShared(VariableElement field) {
    for (TypeElement type : types()) {
      for (VariableElement other : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (!other.equals(field) && other.getSimpleName().equals(field.getSimpleName())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The simple names of the types nested anywhere in the hierarchy, and of the type variables of
   * its methods: inside the generated class such a name means the user's type, so the generated
   * code must qualify any other type of that name.
   */
  Set<String> shadowingTypeNames() {
    Set<String> names = new LinkedHashSet<>();
    for (TypeElement type : types()) {
      for (Element member : type.getEnclosedElements()) {
        if (member.getKind().isClass() || member.getKind().isInterface()) {
          names.add(member.getSimpleName().toString());
        }
        if (member.getKind() == ElementKind.METHOD || member.getKind() == ElementKind.CONSTRUCTOR) {
          ((ExecutableElement) member)
              .getTypeParameters()
              .forEach(p -> names.add(p.getSimpleName().toString()));
        }
      }
    }
    return names;
  }
}
