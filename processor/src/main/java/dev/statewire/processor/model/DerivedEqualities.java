package dev.statewire.processor.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The custom equality of a {@code @Derived} method, {@code @Derived(equality = "name")}: a static
 * {@code BiPredicate} field or static boolean method of the class that the generated class hands
 * to the method's {@code Computed}. Resolved once here, for SW307 and for generation.
 */
public final class DerivedEqualities {
  private static final String ATTRIBUTE = "equality";

  private final Elements elements;
  private final Types types;
  private final AsyncDerivedMethods async;

  public DerivedEqualities(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.async = new AsyncDerivedMethods(elements, types);
  }

  /**
   * What {@code equality} resolves to: the member (field or method), or why it cannot be used.
   *
   * @param member the field or method to pass, null when {@code problem} is set
   * @param problem completes "{@code @Derived(equality = "x")} on m() ..."; null when usable
   * @param fix what to do about {@code problem}
   */
  public record Resolution(Element member, String problem, String fix) {
    static Resolution of(Element member) {
      return new Resolution(member, null, null);
    }

    static Resolution problem(String problem, String fix) {
      return new Resolution(null, problem, fix);
    }

    /** Whether {@link #member()} is a method (passed as a method reference), not a field. */
    public boolean isMethod() {
      return member instanceof ExecutableElement;
    }
  }

  /** The attribute {@code equality} of the method's {@code @Derived}, when given and not empty. */
  public static Optional<Map.Entry<AnnotationMirror, AnnotationValue>> attribute(
      ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (!type.getQualifiedName().contentEquals(StatewireAnnotations.DERIVED)) {
        continue;
      }
      for (var entry : mirror.getElementValues().entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals(ATTRIBUTE)
            && entry.getValue().getValue() instanceof String name
            && !name.isEmpty()) {
          return Optional.of(Map.entry(mirror, entry.getValue()));
        }
      }
    }
    return Optional.empty();
  }

  /** The name the method's {@code @Derived(equality = ...)} gives, if any. */
  public static Optional<String> name(ExecutableElement method) {
    return attribute(method).map(a -> (String) a.getValue().getValue());
  }

  /**
   * Resolves the equality {@code method} names among the members of {@code type} (the annotated
   * class, where the generated class lives); empty when it names none.
   */
  public Optional<Resolution> resolve(TypeElement type, ExecutableElement method) {
    Optional<String> name = name(method);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (async.isAsync(method)) {
      return Optional.of(
          Resolution.problem(
              "is on an async derived value, whose resource keeps every settled value",
              "Remove equality, or compare in the @Derived methods that read this one."));
    }
    TypeMirror returned =
        ((ExecutableType)
                types.asMemberOf((DeclaredType) type.asType(), method))
            .getReturnType();
    TypeMirror value = boxed(returned);
    String simpleValue = simpleName(value);
    String shapes =
        "Declare `static final BiPredicate<" + simpleValue + ", " + simpleValue + "> "
            + name.get() + " = ...;` or `static boolean " + name.get() + "(" + simpleValue
            + " a, " + simpleValue + " b)` in " + type.getSimpleName() + ".";
    // the declaring class's own members too: one that is package-private in another package is
    // not a member of type, but is what the name means there
    Set<Element> members = new LinkedHashSet<>(elements.getAllMembers(type));
    members.addAll(elements.getAllMembers((TypeElement) method.getEnclosingElement()));
    Resolution firstProblem = null;
    for (Element member : members) {
      if (!member.getSimpleName().contentEquals(name.get())) {
        continue;
      }
      Resolution found =
          member.getKind() == ElementKind.FIELD
              ? checkField((VariableElement) member, type, value, simpleValue)
              : member.getKind() == ElementKind.METHOD
                  ? checkMethod((ExecutableElement) member, type, value, simpleValue)
                  : null;
      if (found != null && found.member() != null) {
        return Optional.of(found);
      }
      if (firstProblem == null && found != null) {
        firstProblem = found;
      }
    }
    if (firstProblem != null) {
      return Optional.of(firstProblem);
    }
    return Optional.of(
        Resolution.problem(
            "names no static field or method " + name.get() + " of " + type.getSimpleName(),
            shapes));
  }

  private Resolution checkField(
      VariableElement field, TypeElement type, TypeMirror value, String simpleValue) {
    String what = "names field " + field.getSimpleName();
    String access = accessProblem(field, type);
    if (access != null) {
      return Resolution.problem(what + ", which is " + access, "Make it package-private or public.");
    }
    if (!field.getModifiers().contains(Modifier.STATIC)) {
      return Resolution.problem(
          what + ", which is not static", "Make it static: one equality for every instance.");
    }
    TypeMirror fieldType = field.asType();
    boolean raw =
        fieldType.getKind() == TypeKind.DECLARED
            && ((DeclaredType) fieldType).getTypeArguments().isEmpty();
    if (raw || !types.isAssignable(fieldType, equalityType(value))) {
      return Resolution.problem(
          what + " of type " + fieldType + ", which is not a BiPredicate of " + simpleValue,
          "Declare it as BiPredicate<" + simpleValue + ", " + simpleValue + ">.");
    }
    return Resolution.of(field);
  }

  private Resolution checkMethod(
      ExecutableElement method, TypeElement type, TypeMirror value, String simpleValue) {
    String what = "names method " + Signatures.of(method);
    String shape = "static boolean " + method.getSimpleName() + "(" + simpleValue + " a, "
        + simpleValue + " b)";
    String access = accessProblem(method, type);
    if (access != null) {
      return Resolution.problem(what + ", which is " + access, "Make it package-private or public.");
    }
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      return Resolution.problem(
          what + ", which is not static", "Make it static: `" + shape + "`.");
    }
    TypeMirror returned = method.getReturnType();
    boolean returnsBoolean =
        returned.getKind() == TypeKind.BOOLEAN
            || types.isSameType(returned, elements.getTypeElement("java.lang.Boolean").asType());
    if (!returnsBoolean) {
      return Resolution.problem(
          what + ", which returns " + returned + ", not boolean", "Declare it as `" + shape + "`.");
    }
    List<? extends VariableElement> parameters = method.getParameters();
    if (parameters.size() != 2
        || parameters.stream()
            .anyMatch(p -> !types.isAssignable(value, types.erasure(p.asType())))) {
      return Resolution.problem(
          what + ", which does not take two values of " + simpleValue,
          "Declare it as `" + shape + "`.");
    }
    return Resolution.of(method);
  }

  /** Why the generated class (in the package of {@code type}) cannot use {@code member}. */
  private String accessProblem(Element member, TypeElement type) {
    var modifiers = member.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      return "private";
    }
    if (!modifiers.contains(Modifier.PUBLIC)
        && !modifiers.contains(Modifier.PROTECTED)
        && !elements.getPackageOf(member).equals(elements.getPackageOf(type))) {
      return "package-private in another package";
    }
    return null;
  }

  /** {@code BiPredicate<? super T, ? super T>}, what {@code computed(fn, equality)} takes. */
  private TypeMirror equalityType(TypeMirror value) {
    TypeElement biPredicate = elements.getTypeElement("java.util.function.BiPredicate");
    TypeMirror superValue = types.getWildcardType(null, value);
    return types.getDeclaredType(biPredicate, superValue, superValue);
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }

  /** {@code String} for a plain class, the full type for a parameterized one. */
  private static String simpleName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
            && ((DeclaredType) type).getTypeArguments().isEmpty()
        ? ((DeclaredType) type).asElement().getSimpleName().toString()
        : type.toString();
  }
}
