package dev.statewire.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.statewire.processor.analysis.Access;
import dev.statewire.processor.analysis.OverrideKind;
import dev.statewire.processor.model.AsyncDerivedMethods;
import dev.statewire.processor.model.Signatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/**
 * The members the generated class gets for async {@code @Derived} methods, those
 * returning a {@code CompletionStage}. Each gets an {@code AsyncDerived} (a {@code Resource} plus
 * the stages handed to callers) whose params are the values the method depends on, so that a
 * change to one reloads it and cancels the running load; a loader that calls the method under
 * the context's lock; an override returning a stage of the resource's value; the accessor
 * {@code nameResource()}; and its closing in {@code close()}.
 */
final class AsyncDerivedMembers {
  private final GenerationTarget target;
  private final AsyncDerivedMethods async;
  /** The async derived methods, each after those its params read (creation order). */
  private final List<ExecutableElement> methods;

  AsyncDerivedMembers(GenerationTarget target) {
    this.target = target;
    this.async = new AsyncDerivedMethods(target.elements(), target.types());
    List<ExecutableElement> declared =
        target.model().methods().stream()
            .filter(async::isAsync)
            .filter(m -> OverrideKind.isOverridable(target.model(), m, target.elements()))
            .toList();
    this.methods = inCreationOrder(declared);
  }

  /** Whether the class has any async derived method. */
  boolean present() {
    return !methods.isEmpty();
  }

  /** The body of the override of {@code method}: a stage of its resource's value. */
  static void overrideBody(
      GenerationTarget target, ExecutableElement method, MethodSpec.Builder override) {
    override.addJavadoc(
        "$L",
        JavadocText.wrap(
            "Async derived value, kept by the resource {@link #"
                + AsyncDerivedMethods.resourceAccessorName(method)
                + "()}: "
                + reloads(target, method)
                + " Returns a stage of the resource's value: completed at once when the"
                + " resource holds a value ({@code RESOLVED}, {@code LOCAL}) or an error ({@code"
                + " ERROR}), otherwise when the newest load settles; cancelled if the instance is"
                + " closed first. Inside a derived value or an effect the caller depends on the"
                + " resource's state. Inside an action it calls the method afresh, on the fields"
                + " as written so far"
                + (method.getParameters().isEmpty()
                    ? "."
                    : ", with the caller's arguments; otherwise they are not used (the loader"
                        + " passes each load's own).")));
    override.beginControlFlow("if ($N.readsUncommitted())", target.names().core());
    override.addStatement("return $L", target.superCall(method));
    override.endControlFlow();
    override.addStatement("return $N.next()", target.names().asyncField(method));
  }

  /** When the resource of {@code method} loads, in words. */
  private static String reloads(GenerationTarget target, ExecutableElement method) {
    Access tracked = target.analysis().tracked(method);
    Set<ExecutableElement> derived = target.analysis().derivedCallees(method);
    if (tracked.reads().isEmpty() && derived.isEmpty()) {
      return "loaded once, at construction (it reads nothing of this instance).";
    }
    return "loaded at construction, and again (cancelling the running load) after every change"
        + " to "
        + JavadocText.dependencies(tracked.reads(), derived)
        + ".";
  }

  /** One {@code AsyncDerived} field per method. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (ExecutableElement method : methods) {
      fields.add(
          FieldSpec.builder(
                  ParameterizedTypeName.get(RuntimeNames.ASYNC_DERIVED, valueType(method)),
                  target.names().asyncField(method),
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .addJavadoc(
                  "$L",
                  JavadocText.wrap(
                      "The resource of {@link #"
                          + Signatures.of(method)
                          + "} and the stages it hands out."))
              .build());
    }
    return fields;
  }

  /**
   * The constructor statements creating the resources (each starts its first load), given the
   * context parameter's name. They come after the computed values, and each after the async
   * values its params read, since creating a resource evaluates its params at once.
   */
  CodeBlock construction(String context) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (ExecutableElement method : methods) {
      code.addStatement(
          "this.$N =$Wnew $T<>($N,$W$S,$Wthis::$N,$Wthis::$N)",
          target.names().asyncField(method),
          RuntimeNames.ASYNC_DERIVED,
          context,
          target.displayName() + "." + Signatures.of(method),
          target.names().paramsMethod(method),
          target.names().loadMethod(method));
    }
    return code.build();
  }

  /** The accessors {@code nameResource()}, then the private params and load methods. */
  List<MethodSpec> methods() {
    List<MethodSpec> specs = new ArrayList<>();
    methods.forEach(m -> specs.add(accessor(m)));
    for (ExecutableElement method : methods) {
      specs.add(params(method));
      specs.add(load(method));
    }
    return specs;
  }

  /** The statements of {@code close()} that close the resources. */
  CodeBlock closeStatements() {
    CodeBlock.Builder code = CodeBlock.builder();
    methods.forEach(m -> code.addStatement("$N.close()", target.names().asyncField(m)));
    return code.build();
  }

  /** What {@code close()} does for the resources, in its Javadoc, after the effects stop. */
  String closeJavadoc() {
    return "closes the resources of its async derived values (cancelling running loads and the"
        + " stages still waiting for them)";
  }

  private MethodSpec accessor(ExecutableElement method) {
    MethodSpec.Builder accessor =
        MethodSpec.methodBuilder(AsyncDerivedMethods.resourceAccessorName(method))
            .returns(
                ParameterizedTypeName.get(
                    RuntimeNames.RESOURCE, WildcardTypeName.subtypeOf(Object.class),
                    valueType(method)))
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "The resource behind the async derived value {@link #"
                        + Signatures.of(method)
                        + "}. Its {@code status()}, {@code value()}, {@code error()}, {@code"
                        + " isLoading()} and {@code snapshot()} are tracked reads, so derived"
                        + " values and effects react to them; {@code reload()} loads again with"
                        + " the same fields, {@code set(value)} replaces the value locally"
                        + " (status {@code LOCAL}) until the next change. {@link #close()} closes"
                        + " it."))
            .addStatement("return $N.resource()", target.names().asyncField(method));
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PUBLIC)) {
      accessor.addModifiers(Modifier.PUBLIC);
    } else if (modifiers.contains(Modifier.PROTECTED)) {
      accessor.addModifiers(Modifier.PROTECTED);
    }
    return accessor.build();
  }

  private MethodSpec params(ExecutableElement method) {
    Access tracked = target.analysis().tracked(method);
    List<CodeBlock> values = new ArrayList<>();
    tracked.reads().forEach(f -> values.add(CodeBlock.of("$N.get()", target.names().signal(f))));
    for (ExecutableElement callee : target.analysis().derivedCallees(method)) {
      if (methods.contains(callee)) {
        values.add(CodeBlock.of("$N.outcome()", target.names().asyncField(callee)));
      } else if (!async.isAsync(callee)) {
        values.add(CodeBlock.of("$N()", callee.getSimpleName().toString()));
      }
    }
    return MethodSpec.methodBuilder(target.names().paramsMethod(method))
        .addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(List.class, Object.class))
        .addJavadoc(
            "$L",
            JavadocText.wrap(
                "The params of the resource of {@link #"
                    + Signatures.of(method)
                    + "}: "
                    + (values.isEmpty()
                        ? "none, since it reads nothing of this instance; the resource loads"
                            + " once."
                        : "the values of "
                            + JavadocText.dependencies(
                                tracked.reads(), target.analysis().derivedCallees(method))
                            + ", read with tracking; when they change, the resource loads"
                            + " again.")))
        .addStatement(
            "return $T.asList(new Object[] {$L})", Arrays.class, CodeBlock.join(values, ", "))
        .build();
  }

  private MethodSpec load(ExecutableElement method) {
    String guard = MemberNames.fresh("guard", method);
    MethodSpec.Builder load =
        MethodSpec.methodBuilder(target.names().loadMethod(method))
            .addModifiers(Modifier.PRIVATE)
            .returns(
                ParameterizedTypeName.get(
                    ClassName.get(CompletionStage.class),
                    WildcardTypeName.subtypeOf(valueType(method))))
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "The loader of the resource of {@link #"
                        + Signatures.of(method)
                        + "}: calls it on the context's executor, under the context's lock, so"
                        + " that it reads a committed state; the stage it returns completes"
                        + " outside the lock."
                        + (method.getParameters().isEmpty()
                            ? ""
                            : " It passes the load's cancellation and previous snapshot from"
                                + " the request.")));
    CodeBlock call = target.superCall(method);
    if (!method.getParameters().isEmpty()) {
      String request = MemberNames.fresh("request", method);
      load.addParameter(
          ParameterizedTypeName.get(
              RuntimeNames.RESOURCE_LOADER_PARAMS,
              ParameterizedTypeName.get(List.class, Object.class),
              valueType(method)),
          request);
      call = loaderCall(method, request);
    }
    return load.addStatement(
            "$T $N = $N.enter()", RuntimeNames.LOCK_GUARD, guard, target.names().core())
        .beginControlFlow("try")
        .addStatement("return $L", call)
        .nextControlFlow("finally")
        .addStatement("$N.close()", guard)
        .endControlFlow()
        .build();
  }

  /** {@code super.name(request.cancellation(), request.previous())}, in parameter order. */
  private CodeBlock loaderCall(ExecutableElement method, String request) {
    TypeMirror value = async.valueType(target.returnType(method));
    List<CodeBlock> arguments = new ArrayList<>();
    for (TypeMirror parameter : target.parameterTypes(method)) {
      AsyncDerivedMethods.LoaderArgument argument =
          async.loaderArgument(value, parameter).orElseThrow();
      arguments.add(CodeBlock.of("$N.$N()", request, argument.accessor()));
    }
    return CodeBlock.of(
        "super.$N($L)", method.getSimpleName().toString(), CodeBlock.join(arguments, ", "));
  }

  private TypeName valueType(ExecutableElement method) {
    TypeMirror value = async.valueType(target.returnType(method));
    return TypeName.get(value);
  }


  /** {@code declared}, each method after the async methods its params read (directly or not). */
  private List<ExecutableElement> inCreationOrder(List<ExecutableElement> declared) {
    Set<ExecutableElement> ordered = new LinkedHashSet<>();
    Set<ExecutableElement> visiting = new HashSet<>();
    declared.forEach(m -> place(m, declared, ordered, visiting));
    return List.copyOf(ordered);
  }

  private void place(
      ExecutableElement method,
      List<ExecutableElement> declared,
      Set<ExecutableElement> ordered,
      Set<ExecutableElement> visiting) {
    if (ordered.contains(method) || !visiting.add(method)) {
      return;
    }
    for (ExecutableElement dependency : asyncDependencies(method, declared)) {
      place(dependency, declared, ordered, visiting);
    }
    ordered.add(method);
  }

  /** The async methods whose resources the params of {@code method} read, through sync ones. */
  private Set<ExecutableElement> asyncDependencies(
      ExecutableElement method, List<ExecutableElement> declared) {
    Set<ExecutableElement> found = new LinkedHashSet<>();
    Set<ExecutableElement> visited = new HashSet<>();
    List<ExecutableElement> pending = new ArrayList<>(target.analysis().derivedCallees(method));
    while (!pending.isEmpty()) {
      ExecutableElement callee = pending.remove(pending.size() - 1);
      if (!visited.add(callee) || callee.equals(method)) {
        continue;
      }
      if (declared.contains(callee)) {
        found.add(callee);
      } else {
        pending.addAll(target.analysis().derivedCallees(callee));
      }
    }
    return found;
  }
}
