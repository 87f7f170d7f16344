package dev.statewire.processor.validation;

import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import dev.statewire.processor.model.Signatures;
import dev.statewire.processor.model.StatewireAnnotations;
import dev.statewire.processor.model.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step 3a: checks the declarations, without bodies: the class can be subclassed (SW101), its
 * fields can be read by the generated class (SW102), and {@code @Derived} / {@code @Effect}
 * methods have the right shape (SW301, SW302).
 */
public final class DeclarationValidator {
  private static final String REACTIVE_CONTEXT = "dev.statewire.ReactiveContext";
  private static final String REACTIVE_OBJECT = "dev.statewire.ReactiveObject";
  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Types types;

  public DeclarationValidator(Diagnostics diagnostics, Elements elements, Types types) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.types = types;
  }

  /** SW101: whether a subclass of {@code type} named {@code generated} can be generated. */
  public boolean validateClass(TypeElement type, String generated) {
    String name = type.getSimpleName().toString();
    int before = diagnostics.errorCount();
    if (type.getKind() != ElementKind.CLASS) {
      diagnostics.error(type, Messages.notAClass(kindName(type.getKind()), name));
    } else if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      diagnostics.error(type, Messages.localClass(name));
    } else if (type.getModifiers().contains(Modifier.FINAL)) {
      diagnostics.error(type, Messages.finalClass(name, generated));
    } else if (type.getModifiers().contains(Modifier.PRIVATE)) {
      diagnostics.error(type, Messages.privateClass(name, generated));
    } else if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(type, Messages.innerClass(name, generated));
    } else if (privateEnclosing(type) != null) {
      diagnostics.error(
          type,
          Messages.nestedInPrivateClass(
              name, privateEnclosing(type).getSimpleName().toString(), generated));
    } else if (type.getModifiers().contains(Modifier.SEALED)) {
      diagnostics.error(type, Messages.sealedClass(name, generated));
    } else if (ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .allMatch(c -> c.getModifiers().contains(Modifier.PRIVATE))) {
      diagnostics.error(type, Messages.noConstructor(name, generated));
    } else {
      validateConstructorSignatures(type, generated);
      validateReservedMethods(type, generated);
    }
    return diagnostics.errorCount() == before;
  }

  /**
   * The generated class implements {@code reactiveContext()}, {@code reactiveTransaction()}
   * and {@code close()} of {@code ReactiveObject}: a method of the class with one of these
   * signatures must let it (a {@code close()} it overrides and calls is fine).
   */
  private void validateReservedMethods(TypeElement type, String generated) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (!method.getParameters().isEmpty()
          || method.getModifiers().contains(Modifier.PRIVATE)
          || ((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals(REACTIVE_OBJECT)) {
        continue;
      }
      String name = method.getSimpleName().toString();
      String why = null;
      if (name.equals("reactiveContext")
          || name.equals("reactiveTransaction")
          || name.equals("stateFields")) {
        why = "is declared";
      } else if (name.equals("close")) {
        if (method.getModifiers().contains(Modifier.FINAL)) {
          why = "is final";
        } else if (method.getModifiers().contains(Modifier.STATIC)) {
          why = "is static";
        } else if (method.getReturnType().getKind() != TypeKind.VOID) {
          why = "returns a value";
        }
      }
      if (why != null) {
        Element at = method.getEnclosingElement().equals(type) ? method : type;
        diagnostics.error(
            at,
            Messages.reservedMethod(
                name + "()", method.getEnclosingElement().getSimpleName().toString(), generated, why));
      }
    }
  }

  /** The innermost private class enclosing {@code type}, or null. */
  private static TypeElement privateEnclosing(TypeElement type) {
    for (Element outer = type.getEnclosingElement();
        outer instanceof TypeElement;
        outer = outer.getEnclosingElement()) {
      if (outer.getModifiers().contains(Modifier.PRIVATE)) {
        return (TypeElement) outer;
      }
    }
    return null;
  }

  /**
   * The generated class has, per constructor {@code X(P)}, {@code ReactiveX(P)} and {@code
   * ReactiveX(ReactiveContext, P)}: a constructor {@code X(ReactiveContext, Q)} beside {@code
   * X(Q)} would give two of the same signature.
   */
  private void validateConstructorSignatures(TypeElement type, String generated) {
    TypeElement context = elements.getTypeElement(REACTIVE_CONTEXT);
    if (context == null) {
      return;
    }
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE))
            .toList();
    for (ExecutableElement constructor : constructors) {
      List<TypeMirror> parameters = erasedParameters(constructor);
      if (parameters.isEmpty()
          || !types.isSameType(parameters.get(0), types.erasure(context.asType()))) {
        continue;
      }
      for (ExecutableElement other : constructors) {
        if (sameTypes(parameters.subList(1, parameters.size()), erasedParameters(other))) {
          diagnostics.error(
              constructor,
              Messages.constructorClash(
                  constructorName(type, constructor), constructorName(type, other), generated));
          break;
        }
      }
    }
  }

  /** {@code X(ReactiveContext, int)}. */
  private static String constructorName(TypeElement type, ExecutableElement constructor) {
    return type.getSimpleName()
        + Signatures.of(constructor).substring(constructor.getSimpleName().length());
  }

  private List<TypeMirror> erasedParameters(ExecutableElement executable) {
    return executable.getParameters().stream().map(p -> types.erasure(p.asType())).toList();
  }

  private boolean sameTypes(List<TypeMirror> a, List<TypeMirror> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!types.isSameType(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String kindName(ElementKind kind) {
    switch (kind) {
      case INTERFACE:
        return "interface";
      case ENUM:
        return "enum";
      case ANNOTATION_TYPE:
        return "annotation type";
      default:
        return kind.name().toLowerCase(Locale.ROOT);
    }
  }

  /** SW102: every reactive field of the hierarchy is readable from the generated class. */
  public void validateFields(ReactiveClass model) {
    PackageElement generatedPackage = elements.getPackageOf(model.element());
    for (ReactiveField field : model.fields()) {
      boolean declaredHere = field.declaringClass().equals(model.element());
      if (declaredHere && field.element().getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(
            field.element(),
            Messages.privateField(field.name(), field.declaringClass().getSimpleName().toString()));
      } else if (!declaredHere && !isAccessible(field, generatedPackage)) {
        diagnostics.error(
            model.element(),
            Messages.inaccessibleInheritedField(
                field.name(),
                field.declaringClass().getSimpleName().toString(),
                model.element().getSimpleName().toString()));
      } else {
        validateFieldType(model, field, declaredHere);
      }
    }
  }

  /** SW102: the generated class, a subclass in the same package, can name the field's type. */
  private void validateFieldType(ReactiveClass model, ReactiveField field, boolean declaredHere) {
    TypeNames.Inaccessible inaccessible =
        new TypeNames(elements, model).inaccessibleIn(field.type());
    if (inaccessible != null) {
      diagnostics.error(
          declaredHere ? field.element() : model.element(),
          Messages.inaccessibleFieldType(
              field.name(),
              field.declaringClass().getSimpleName().toString(),
              inaccessible.type().getSimpleName().toString(),
              inaccessible.why()));
    }
  }

  /**
   * SW103: each method the generated class overrides ({@code overridden}) names only types a
   * subclass in the same package can name: its return, parameter and thrown types.
   */
  public void validateOverriddenSignatures(ReactiveClass model, List<ExecutableElement> overridden) {
    TypeNames names = new TypeNames(elements, model);
    for (ExecutableElement method : overridden) {
      List<TypeMirror> named = new ArrayList<>();
      named.add(method.getReturnType());
      method.getParameters().forEach(p -> named.add(p.asType()));
      named.addAll(method.getThrownTypes());
      for (TypeMirror type : named) {
        TypeNames.Inaccessible inaccessible = names.inaccessibleIn(type);
        if (inaccessible != null) {
          boolean declaredHere = method.getEnclosingElement().equals(model.element());
          diagnostics.error(
              declaredHere ? method : model.element(),
              Messages.inaccessibleOverrideType(
                  Signatures.of(method),
                  method.getEnclosingElement().getSimpleName().toString(),
                  inaccessible.type().getSimpleName().toString(),
                  inaccessible.why()));
          break;
        }
      }
    }
  }

  private boolean isAccessible(ReactiveField field, PackageElement from) {
    var modifiers = field.element().getModifiers();
    if (modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED)) {
      return true;
    }
    return !modifiers.contains(Modifier.PRIVATE)
        && elements.getPackageOf(field.declaringClass()).equals(from);
  }

  /** SW301 / SW302: the shape of a {@code @Derived} or {@code @Effect} method. */
  public void validateMethod(ExecutableElement method) {
    MethodRole role = ReactiveClass.roleOf(method);
    if (role == MethodRole.DERIVED) {
      String problem = derivedProblem(method);
      if (problem != null) {
        diagnostics.error(
            method, Messages.derivedShape(Signatures.of(method), problem, derivedFix(problem)));
      }
    } else if (role == MethodRole.EFFECT) {
      String problem = effectProblem(method);
      if (problem != null) {
        diagnostics.error(
            method, Messages.effectShape(Signatures.of(method), problem, effectFix(problem)));
      }
    }
  }

  private String derivedProblem(ExecutableElement method) {
    String common = commonProblem(method);
    if (common != null) {
      return common;
    }
    if (StatewireAnnotations.isPresent(method, StatewireAnnotations.EFFECT)) {
      return "is also @Effect";
    }
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      return "returns void";
    }
    if (!method.getTypeParameters().isEmpty()) {
      return "is generic";
    }
    return null;
  }

  private String effectProblem(ExecutableElement method) {
    String common = commonProblem(method);
    if (common != null) {
      return common;
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      return "returns a value";
    }
    return null;
  }

  private String commonProblem(ExecutableElement method) {
    var modifiers = method.getModifiers();
    if (!StatewireAnnotations.isPresent(
        method.getEnclosingElement(), StatewireAnnotations.REACTIVE)) {
      return "is not in a @Reactive class";
    }
    if (modifiers.contains(Modifier.STATIC)) {
      return "is static";
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      return "is private";
    }
    if (modifiers.contains(Modifier.FINAL)) {
      return "is final";
    }
    if (!method.getParameters().isEmpty()) {
      return "has parameters";
    }
    if (method.getThrownTypes().stream().anyMatch(this::isChecked)) {
      return "declares a checked exception";
    }
    return null;
  }

  private boolean isChecked(TypeMirror thrown) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    return !types.isSubtype(thrown, runtime) && !types.isSubtype(thrown, error);
  }

  private static String derivedFix(String problem) {
    switch (problem) {
      case "is also @Effect":
        return "Keep only one of @Derived and @Effect.";
      case "returns void":
        return "Return the derived value, or make the method an @Effect if it is a side effect.";
      case "is generic":
        return "Remove its type parameters: a cached value has one type for every caller.";
      default:
        return commonFix(problem, "@Derived");
    }
  }

  private static String effectFix(String problem) {
    if (problem.equals("returns a value")) {
      return "Return void, or make the method @Derived if it computes a value.";
    }
    return commonFix(problem, "@Effect");
  }

  private static String commonFix(String problem, String annotation) {
    switch (problem) {
      case "is not in a @Reactive class":
        return "Annotate its class with @Reactive, or remove " + annotation + ".";
      case "is static":
        return "Remove static.";
      case "is private":
        return "Make it package-private, protected or public.";
      case "is final":
        return "Remove final.";
      case "has parameters":
        return "Remove the parameters and read fields instead.";
      default:
        return "Catch the exception inside the method, or wrap it in an unchecked exception.";
    }
  }
}
