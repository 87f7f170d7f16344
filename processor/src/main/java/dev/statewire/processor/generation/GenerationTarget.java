package dev.statewire.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.model.DerivedEqualities;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The class being generated and what its generators share: the analysis, the annotated type
 * as the generated class sees it, and its names.
 *
 * @param analysis the analysed {@code @Reactive} class
 * @param declared the annotated class's type, with its own type variables
 * @param displayName its simple name, for messages and node names: {@code X}
 * @param sourceName its name from the generated class's package: {@code Outer.X}
 * @param hierarchy the class with its supertypes, whose members the generated class inherits
 * @param names the names of the members the generated class adds, checked against the user's
 * @param shadowed simple names that mean a user type inside the generated class
 */
record GenerationTarget(
    ClassAnalysis analysis,
    DeclaredType declared,
    String displayName,
    String sourceName,
    Hierarchy hierarchy,
    MemberNames names,
    Set<String> shadowed,
    Elements elements,
    Types types) {

  static GenerationTarget of(ClassAnalysis analysis, Elements elements, Types types) {
    TypeElement type = analysis.model().element();
    Hierarchy hierarchy = new Hierarchy(type, types);
    return new GenerationTarget(
        analysis,
        (DeclaredType) type.asType(),
        type.getSimpleName().toString(),
        sourceNameOf(type),
        hierarchy,
        new MemberNames(analysis.model(), MemberNames.memberNamesOf(hierarchy)),
        hierarchy.shadowingTypeNames(),
        elements,
        types);
  }

  /**
   * How the generated class names {@code field}: by its simple name, or, when another field of
   * the hierarchy has the same name (a field hidden by a subclass's), through a cast to its
   * declaring class: {@code ((Base<T>) this).count}.
   */
  CodeBlock field(ReactiveField field) {
    if (!hierarchy.isNameShared(field.element())) {
      return CodeBlock.of("$N", field.name());
    }
    TypeName declaring =
        hierarchy.asSeen(field.declaringClass()).map(TypeName::get).orElseThrow();
    return CodeBlock.of("(($T) this).$N", declaring, field.name());
  }

  /**
   * The name of the signal of {@code field} in messages: {@code X.count}, or {@code
   * Base.count} for a field whose name another field of the hierarchy shares.
   */
  String nodeName(ReactiveField field) {
    String owner =
        hierarchy.isNameShared(field.element())
            ? field.declaringClass().getSimpleName().toString()
            : displayName;
    return owner + "." + field.name();
  }

  /** As {@link #field}, always qualified: {@code this.count} (for constructors). */
  CodeBlock thisField(ReactiveField field) {
    return hierarchy.isNameShared(field.element())
        ? field(field)
        : CodeBlock.of("this.$N", field.name());
  }

  /**
   * How Javadoc text names a runtime type: its simple name (the file imports it), or its
   * qualified name where a user type of that name shadows it.
   */
  String javadocName(ClassName type) {
    return shadowed.contains(type.simpleName()) ? type.canonicalName() : type.simpleName();
  }

  ReactiveClass model() {
    return analysis.model();
  }

  TypeElement type() {
    return analysis.model().element();
  }

  /** {@code super.m(a, b)}. */
  CodeBlock superCall(ExecutableElement method) {
    return CodeBlock.of("super.$N($L)", method.getSimpleName().toString(), argumentList(method));
  }

  /** {@code return call;} or {@code call; return;} for a void method. */
  static CodeBlock returning(ExecutableElement method, CodeBlock call) {
    return isVoid(method)
        ? CodeBlock.of("$L;\nreturn;\n", call)
        : CodeBlock.of("return $L;\n", call);
  }

  static boolean isVoid(ExecutableElement method) {
    return method.getReturnType().getKind() == TypeKind.VOID;
  }

  /** The return type of {@code method} with the class's type variables resolved. */
  TypeMirror returnType(ExecutableElement method) {
    return ((ExecutableType) types.asMemberOf(declared, method)).getReturnType();
  }

  /**
   * Which computed caches {@code derived}: an unboxed one for an {@code int}, {@code long},
   * {@code double} or {@code boolean} result compared by value, a {@code Computed} of the boxed
   * type when {@code @Derived(equality = ...)} names an equality of its own (which takes the
   * boxed type) or for any other type.
   */
  SignalKind computedKind(ExecutableElement derived) {
    boolean ownEquality =
        new DerivedEqualities(elements, types)
            .resolve(type(), derived)
            .filter(resolution -> resolution.member() != null)
            .isPresent();
    return ownEquality ? SignalKind.BOXED : SignalKind.of(returnType(derived));
  }

  /** The parameter types of {@code method} as a member of the annotated class. */
  List<? extends TypeMirror> parameterTypes(ExecutableElement method) {
    return ((ExecutableType) types.asMemberOf(declared, method)).getParameterTypes();
  }

  /** {@code type} as JavaPoet names it, boxed if primitive (for type arguments). */
  static TypeName boxed(TypeMirror type) {
    TypeName name = TypeName.get(type);
    return name.isPrimitive() ? name.box() : name;
  }

  /** Whether {@code type} has a wildcard anywhere among its type arguments. */
  static boolean mentionsWildcard(TypeMirror type) {
    switch (type.getKind()) {
      case WILDCARD:
        return true;
      case ARRAY:
        return mentionsWildcard(((ArrayType) type).getComponentType());
      case DECLARED:
        return ((DeclaredType) type).getTypeArguments().stream()
            .anyMatch(GenerationTarget::mentionsWildcard);
      default:
        return false;
    }
  }

  /** {@code a, b}: the parameter names, as arguments. */
  static String argumentList(ExecutableElement executable) {
    return executable.getParameters().stream()
        .map(p -> p.getSimpleName().toString())
        .collect(Collectors.joining(", "));
  }

  /** {@code Outer.X} for a class nested in {@code Outer}, {@code X} for a top-level one. */
  private static String sourceNameOf(TypeElement type) {
    String name = type.getSimpleName().toString();
    for (Element outer = type.getEnclosingElement();
        outer instanceof TypeElement;
        outer = outer.getEnclosingElement()) {
      name = outer.getSimpleName() + "." + name;
    }
    return name;
  }
}
