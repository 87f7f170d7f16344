package dev.statewire.processor.model;

import dev.statewire.processor.model.CodecPlan.Component;
import dev.statewire.processor.model.CodecPlan.Constant;
import dev.statewire.processor.model.CodecPlan.Declared;
import dev.statewire.processor.model.CodecPlan.ListOf;
import dev.statewire.processor.model.CodecPlan.MapOf;
import dev.statewire.processor.model.CodecPlan.None;
import dev.statewire.processor.model.CodecPlan.OfEnum;
import dev.statewire.processor.model.CodecPlan.OfRecord;
import dev.statewire.processor.model.CodecPlan.SetOf;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides the {@link CodecPlan} of each reactive field, for validation (SW501, SW502) and
 * generation alike: the class {@code @Codec} names if there is one, else a codec composed from the
 * field's declared type: primitive, boxed, {@code String}, enum, record (whose components have
 * codecs in turn), or {@code java.util.List}, {@code Set} or {@code Map} of those. Any other type
 * (a class, an interface, an array, a type variable, a wildcard, a raw type, a record that contains
 * itself) has none.
 */
public final class FieldCodecs {
  /** The runtime's codec interface, which a {@code @Codec} class must implement. */
  public static final String STATE_CODEC = "dev.statewire.codec.StateCodec";

  /** Records inside records inside ...: deeper than this is refused, not followed. */
  private static final int MAX_NESTING = 32;

  private static final Map<TypeKind, String> PRIMITIVES =
      Map.of(
          TypeKind.BOOLEAN, "BOOLEAN",
          TypeKind.BYTE, "BYTE",
          TypeKind.SHORT, "SHORT",
          TypeKind.INT, "INT",
          TypeKind.LONG, "LONG",
          TypeKind.CHAR, "CHAR",
          TypeKind.FLOAT, "FLOAT",
          TypeKind.DOUBLE, "DOUBLE");
  private static final Map<String, String> BOXED =
      Map.of(
          "java.lang.Boolean", "BOXED_BOOLEAN",
          "java.lang.Byte", "BOXED_BYTE",
          "java.lang.Short", "BOXED_SHORT",
          "java.lang.Integer", "BOXED_INT",
          "java.lang.Long", "BOXED_LONG",
          "java.lang.Character", "BOXED_CHAR",
          "java.lang.Float", "BOXED_FLOAT",
          "java.lang.Double", "BOXED_DOUBLE",
          "java.lang.String", "STRING");

  private final Elements elements;
  private final Types types;

  public FieldCodecs(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The codec of {@code field} of {@code model}. */
  public CodecPlan planFor(ReactiveClass model, ReactiveField field) {
    Optional<TypeMirror> declared = declaredCodec(field.element());
    if (declared.isPresent()) {
      Optional<String> problem = declaredCodecProblem(model, field, declared.get());
      return problem.isPresent()
          ? new None(problem.get())
          : new Declared((DeclaredType) declared.get(), boxed(field.type()));
    }
    return planForType(field.type(), new TypeNames(elements, model), new HashSet<>(), 0);
  }

  /** The class {@code @Codec} on {@code field} names, if it has the annotation. */
  public static Optional<TypeMirror> declaredCodec(VariableElement field) {
    return StatewireAnnotations.find(field, StatewireAnnotations.CODEC)
        .flatMap(mirror -> StatewireAnnotations.attribute(mirror, "value"))
        .filter(TypeMirror.class::isInstance)
        .map(TypeMirror.class::cast);
  }

  /**
   * What is wrong with {@code codec}, named by {@code @Codec} on {@code field}, completing "{@code
   * MoneyCodec} ...": it must be a non-generic, non-abstract class the generated class can name,
   * with a no-arg constructor it can call, implementing {@code StateCodec} of the field's boxed
   * type.
   */
  public Optional<String> declaredCodecProblem(
      ReactiveClass model, ReactiveField field, TypeMirror codec) {
    if (codec.getKind() == TypeKind.ERROR) {
      return Optional.of("does not exist");
    }
    if (codec.getKind() != TypeKind.DECLARED) {
      return Optional.of("is not a class");
    }
    TypeElement type = (TypeElement) ((DeclaredType) codec).asElement();
    if (type.getKind() != ElementKind.CLASS) {
      return Optional.of("is not a class but " + kindName(type.getKind()));
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of("is abstract");
    }
    if (!type.getTypeParameters().isEmpty()) {
      return Optional.of("is generic");
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of("is an inner class (not static)");
    }
    TypeNames.Inaccessible inaccessible = new TypeNames(elements, model).inaccessibleIn(codec);
    if (inaccessible != null) {
      return Optional.of(
          inaccessible.type().equals(type)
              ? "is " + inaccessible.why()
              : "is nested in "
                  + inaccessible.type().getSimpleName()
                  + ", which is "
                  + inaccessible.why());
    }
    Optional<String> constructor = noArgConstructorProblem(model, type);
    if (constructor.isPresent()) {
      return constructor;
    }
    TypeElement stateCodec = elements.getTypeElement(STATE_CODEC);
    TypeMirror fieldType = boxed(field.type());
    if (stateCodec == null
        || !types.isAssignable(codec, types.getDeclaredType(stateCodec, fieldType))) {
      return Optional.of("does not implement StateCodec<" + fieldType + ">");
    }
    return Optional.empty();
  }

  private Optional<String> noArgConstructorProblem(ReactiveClass model, TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!constructor.getParameters().isEmpty()) {
        continue;
      }
      var modifiers = constructor.getModifiers();
      boolean samePackage =
          elements.getPackageOf(type).equals(elements.getPackageOf(model.element()));
      if (modifiers.contains(Modifier.PUBLIC)
          || (samePackage && !modifiers.contains(Modifier.PRIVATE))) {
        return Optional.empty();
      }
      return Optional.of(
          "has a no-arg constructor that the generated class cannot call (it is "
              + (modifiers.contains(Modifier.PRIVATE) ? "private" : "not public")
              + ")");
    }
    return Optional.of("has no no-arg constructor");
  }

  private CodecPlan planForType(TypeMirror type, TypeNames names, Set<String> open, int depth) {
    if (PRIMITIVES.containsKey(type.getKind())) {
      return new Constant(PRIMITIVES.get(type.getKind()));
    }
    switch (type.getKind()) {
      case DECLARED:
        return planForDeclared((DeclaredType) type, names, open, depth);
      case TYPEVAR:
        return new None(type + " is a type variable");
      case WILDCARD:
        return new None(type + " is a wildcard");
      case ARRAY:
        return new None(type + " is an array (a List has a codec)");
      default:
        return new None(type + " is not a type with values");
    }
  }

  private CodecPlan planForDeclared(
      DeclaredType type, TypeNames names, Set<String> open, int depth) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (BOXED.containsKey(name)) {
      return new Constant(BOXED.get(name));
    }
    if (!element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty()) {
      return new None(type + " is a raw type");
    }
    if (isCollection(name)) {
      return planForCollection(type, names, open, depth);
    }
    if (element.getKind() != ElementKind.ENUM && element.getKind() != ElementKind.RECORD) {
      return new None(
          type
              + " is "
              + kindName(element.getKind())
              + ", not a primitive, boxed, String, enum, record, List, Set or Map type");
    }
    TypeNames.Inaccessible inaccessible = names.inaccessibleIn(type);
    if (inaccessible != null) {
      return new None(inaccessible.type().getQualifiedName() + " is " + inaccessible.why());
    }
    return element.getKind() == ElementKind.ENUM
        ? new OfEnum(type)
        : planForRecord(type, element, names, open, depth);
  }

  private CodecPlan planForCollection(
      DeclaredType type, TypeNames names, Set<String> open, int depth) {
    List<CodecPlan> arguments = new ArrayList<>();
    for (TypeMirror argument : type.getTypeArguments()) {
      CodecPlan plan = planForType(argument, names, open, depth);
      if (plan instanceof None none) {
        return new None(none.reason() + ", in " + type);
      }
      arguments.add(plan);
    }
    switch (((TypeElement) type.asElement()).getQualifiedName().toString()) {
      case "java.util.List":
        return new ListOf(arguments.get(0));
      case "java.util.Set":
        return new SetOf(arguments.get(0));
      default:
        return new MapOf(arguments.get(0), arguments.get(1));
    }
  }

  private CodecPlan planForRecord(
      DeclaredType type, TypeElement element, TypeNames names, Set<String> open, int depth) {
    String key = type.toString();
    if (open.contains(key)) {
      return new None("record " + type + " contains itself");
    }
    if (depth >= MAX_NESTING) {
      return new None("record " + type + " is nested more than " + MAX_NESTING + " deep");
    }
    open.add(key);
    try {
      List<Component> components = new ArrayList<>();
      for (RecordComponentElement component : element.getRecordComponents()) {
        TypeMirror componentType =
            ((ExecutableType) types.asMemberOf(type, component.getAccessor())).getReturnType();
        CodecPlan plan = planForType(componentType, names, open, depth + 1);
        String componentName = component.getSimpleName().toString();
        if (plan instanceof None none) {
          return new None(none.reason() + ", in component " + componentName + " of record " + type);
        }
        components.add(new Component(componentName, plan));
      }
      return new OfRecord(type, List.copyOf(components));
    } finally {
      open.remove(key);
    }
  }

  private static boolean isCollection(String qualifiedName) {
    return qualifiedName.equals("java.util.List")
        || qualifiedName.equals("java.util.Set")
        || qualifiedName.equals("java.util.Map");
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }

  private static String kindName(ElementKind kind) {
    switch (kind) {
      case INTERFACE:
        return "an interface";
      case ANNOTATION_TYPE:
        return "an annotation type";
      case ENUM:
        return "an enum";
      case RECORD:
        return "a record";
      default:
        return "a class";
    }
  }
}
