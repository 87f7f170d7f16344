package dev.statewire.processor.generation;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.model.ReactiveClass;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
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
 */
record GenerationTarget(
    ClassAnalysis analysis,
    DeclaredType declared,
    String displayName,
    String sourceName,
    Elements elements,
    Types types) {

  static GenerationTarget of(ClassAnalysis analysis, Elements elements, Types types) {
    TypeElement type = analysis.model().element();
    return new GenerationTarget(
        analysis,
        (DeclaredType) type.asType(),
        type.getSimpleName().toString(),
        sourceNameOf(type),
        elements,
        types);
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

  /** {@code type} as JavaPoet names it, boxed if primitive (for type arguments). */
  static TypeName boxed(TypeMirror type) {
    TypeName name = TypeName.get(type);
    return name.isPrimitive() ? name.box() : name;
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
