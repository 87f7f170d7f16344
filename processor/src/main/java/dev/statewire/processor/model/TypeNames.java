package dev.statewire.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Whether the generated class, a subclass of the annotated class in its package, can write a
 * type's name: no class it names is private, package-private in another package, or protected
 * in another package outside the hierarchy.
 */
public final class TypeNames {
  /** A class the generated code cannot name, and why in words. */
  public record Inaccessible(TypeElement type, String why) {}

  private final Elements elements;
  private final ReactiveClass model;
  private final PackageElement generatedPackage;

  public TypeNames(Elements elements, ReactiveClass model) {
    this.elements = elements;
    this.model = model;
    this.generatedPackage = elements.getPackageOf(model.element());
  }

  /** The first class in {@code type} the generated class cannot name, or null. */
  public Inaccessible inaccessibleIn(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return inaccessibleIn(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound =
            wildcard.getExtendsBound() != null
                ? wildcard.getExtendsBound()
                : wildcard.getSuperBound();
        return bound == null ? null : inaccessibleIn(bound);
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        Inaccessible own = inaccessible((TypeElement) declared.asElement());
        if (own != null) {
          return own;
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          Inaccessible found = inaccessibleIn(argument);
          if (found != null) {
            return found;
          }
        }
        return null;
      default:
        return null;
    }
  }

  private Inaccessible inaccessible(TypeElement type) {
    for (Element current = type;
        current instanceof TypeElement;
        current = current.getEnclosingElement()) {
      String why = why((TypeElement) current);
      if (why != null) {
        return new Inaccessible((TypeElement) current, why);
      }
    }
    return null;
  }

  private String why(TypeElement type) {
    var modifiers = type.getModifiers();
    Element enclosing = type.getEnclosingElement();
    String owner = enclosing instanceof TypeElement ? " in " + enclosing.getSimpleName() : "";
    if (modifiers.contains(Modifier.PRIVATE)) {
      return "private" + owner;
    }
    if (modifiers.contains(Modifier.PUBLIC) || samePackage(type)) {
      return null;
    }
    if (modifiers.contains(Modifier.PROTECTED) && model.hierarchy().contains(enclosing)) {
      return null;
    }
    return (modifiers.contains(Modifier.PROTECTED) ? "protected" : "package-private")
        + owner + " in another package";
  }

  private boolean samePackage(TypeElement type) {
    return elements.getPackageOf(type).equals(generatedPackage);
  }
}
