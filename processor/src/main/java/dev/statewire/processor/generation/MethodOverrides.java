package dev.statewire.processor.generation;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.statewire.processor.analysis.Access;
import dev.statewire.processor.analysis.OverrideKind;
import dev.statewire.processor.model.Signatures;
import java.util.Collection;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The overrides of the generated class ({@link OverrideKind}) and the private methods behind
 * derived values and effects: where tracking, locking and committing meet the user's methods.
 */
final class MethodOverrides {
  private final GenerationTarget target;

  private final String core;

  MethodOverrides(GenerationTarget target) {
    this.target = target;
    this.core = target.names().core();
  }

  MethodSpec override(ExecutableElement method, OverrideKind kind) {
    MethodSpec.Builder override = MethodSpec.overriding(method, target.declared(), target.types());
    override.addCode(
        "if ($N == null) {$>\n// called by the constructor of $L, before this class is set up\n$L$<}\n",
        core,
        target.displayName(),
        GenerationTarget.returning(method, target.superCall(method)));
    switch (kind) {
      case DERIVED:
        derivedBody(method, override);
        break;
      case ASYNC_DERIVED:
        AsyncDerivedMembers.overrideBody(target, method, override);
        break;
      case GETTER:
        getterBody(method, override);
        break;
      case TRACKED_READ:
        trackedReadBody(method, override);
        break;
      case ACTION:
        actionBody(method, override);
        break;
      case BACKGROUND:
        BackgroundMembers.overrideBody(target, method, override);
        break;
      default:
        throw new IllegalStateException("no override for " + kind);
    }
    return override.build();
  }

  private void derivedBody(ExecutableElement method, MethodSpec.Builder override) {
    Access tracked = target.analysis().tracked(method);
    override.addJavadoc(
        "$L",
        JavadocText.wrap(
            "Derived value, cached until something it read changes: "
                + JavadocText.dependencies(tracked.reads(), target.analysis().derivedCallees(method))
                + ". Inside an action it is computed afresh, from the fields as written so"
                + " far."));
    override.beginControlFlow("if ($N.readsUncommitted())", core);
    override.addStatement("return $N()", target.names().compute(method));
    override.endControlFlow();
    override.addStatement(
        "return $N.$N()", target.names().computed(method), target.computedKind(method).get());
  }

  private void getterBody(ExecutableElement method, MethodSpec.Builder override) {
    VariableElement field = target.analysis().direct(method).returnedField().orElseThrow();
    override.addJavadoc(
        "$L",
        JavadocText.wrap(
            "Tracked read of {@code "
                + field.getSimpleName()
                + "}. Inside a derived value or an effect the caller depends on it; elsewhere"
                + " it returns the committed value without locking."));
    override.beginControlFlow("if ($N.isLockHeld())", core);
    SignalKind kind = SignalKind.of(field.asType());
    override.addStatement("$N.$N()", target.names().signal(field), kind.get());
    override.addStatement("return $L", target.superCall(method));
    override.endControlFlow();
    override.addStatement("return $N.$N()", target.names().signal(field), kind.peek());
  }

  private void trackedReadBody(ExecutableElement method, MethodSpec.Builder override) {
    Access tracked = target.analysis().tracked(method);
    override.addJavadoc(
        "$L",
        JavadocText.wrap(
            "Tracked read of "
                + JavadocText.dependencies(tracked.reads(), target.analysis().derivedCallees(method))
                + ". Inside a derived value or an effect the caller depends on them; from a"
                + " thread outside the lock it reads the committed state under the lock."));
    String guard = MemberNames.fresh("guard", method);
    override.beginControlFlow("if (!$N.isLockHeld())", core);
    override.addStatement("$T $N = $N.enter()", RuntimeNames.LOCK_GUARD, guard, core);
    override.beginControlFlow("try");
    override.addCode(GenerationTarget.returning(method, target.superCall(method)));
    override.nextControlFlow("finally");
    override.addStatement("$N.close()", guard);
    override.endControlFlow();
    override.endControlFlow();
    trackingReads(tracked.reads()).forEach(override::addStatement);
    override.addCode(
        GenerationTarget.isVoid(method)
            ? CodeBlock.of("$L;\n", target.superCall(method))
            : CodeBlock.of("return $L;\n", target.superCall(method)));
  }

  private void actionBody(ExecutableElement method, MethodSpec.Builder override) {
    Access effective = target.analysis().effective(method);
    override.addJavadoc(
        "$L",
        JavadocText.wrap(
            "Action writing "
                + JavadocText.codeList(effective.writes())
                + ": runs under the context lock, untracked; the changes are committed when"
                + " the outermost action or lock block ends, and rolled back if it throws."));
    addActionCall(method, override);
  }

  /**
   * The action's call, untracked, without a lambda or a guard object:
   * {@code action = enterAction(); try { super.m(); } catch: fail(failure) and rethrow; exit()}.
   */
  private void addActionCall(ExecutableElement method, MethodSpec.Builder code) {
    String action = MemberNames.fresh("action", method);
    String result = MemberNames.fresh("result", method);
    String failure = MemberNames.fresh("failure", method);
    CodeBlock call = target.superCall(method);
    boolean isVoid = GenerationTarget.isVoid(method);
    code.addStatement("$T $N = $N.enterAction()", RuntimeNames.ACTION_SCOPE, action, core);
    if (!isVoid) {
      code.addStatement("$T $N", TypeName.get(target.returnType(method)), result);
    }
    code.beginControlFlow("try");
    code.addStatement(isVoid ? CodeBlock.of("$L", call) : CodeBlock.of("$N = $L", result, call));
    code.nextControlFlow("catch ($T $N)", Throwable.class, failure);
    code.addStatement("$N.fail($N)", action, failure);
    code.addStatement("throw $N", failure);
    code.endControlFlow();
    code.addStatement("$N.exit()", action);
    if (!isVoid) {
      code.addStatement("return $N", result);
    }
  }

  /** Whether {@code method} declares a checked exception. */
  boolean declaresCheckedExceptions(ExecutableElement method) {
    TypeMirror runtime = target.elements().getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = target.elements().getTypeElement("java.lang.Error").asType();
    return method.getThrownTypes().stream()
        .anyMatch(t -> !target.types().isSubtype(t, runtime) && !target.types().isSubtype(t, error));
  }

  /**
   * {@code try (guard = beginAction()) { super.m(); } catch: markFailed and rethrow}, tracked:
   * for an effect that writes (it must depend on what it reads).
   */
  private void addLockedCall(ExecutableElement method, MethodSpec.Builder code) {
    String guard = MemberNames.fresh("guard", method);
    String failure = MemberNames.fresh("failure", method);
    CodeBlock call = target.superCall(method);
    code.beginControlFlow(
        "try ($T $N = $N.beginAction())", RuntimeNames.LOCK_GUARD, guard, core);
    code.beginControlFlow("try");
    code.addCode(
        GenerationTarget.isVoid(method) ? CodeBlock.of("$L;\n", call) : CodeBlock.of("return $L;\n", call));
    code.nextControlFlow("catch ($T $N)", Throwable.class, failure);
    code.addStatement("$N.markFailed()", guard);
    code.addStatement("throw $N", failure);
    code.endControlFlow();
    code.endControlFlow();
  }

  MethodSpec derivedCompute(ExecutableElement method) {
    Access tracked = target.analysis().tracked(method);
    MethodSpec.Builder compute =
        MethodSpec.methodBuilder(target.names().compute(method))
            .addModifiers(Modifier.PRIVATE)
            .returns(TypeName.get(target.returnType(method)))
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Evaluates {@link #"
                        + Signatures.of(method)
                        + "} and makes the caller depend on "
                        + JavadocText.dependencies(tracked.reads(), target.analysis().derivedCallees(method))
                        + "."));
    trackingReads(tracked.reads()).forEach(compute::addStatement);
    compute.addStatement("return $L", target.superCall(method));
    return compute.build();
  }

  MethodSpec effectBody(ExecutableElement method) {
    Access tracked = target.analysis().tracked(method);
    MethodSpec.Builder body =
        MethodSpec.methodBuilder(target.names().effectBody(method))
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "The effect {@link #"
                        + Signatures.of(method)
                        + "}: runs at construction, then after every commit that changes "
                        + JavadocText.dependencies(tracked.reads(), target.analysis().derivedCallees(method))
                        + "."));
    trackingReads(tracked.reads()).forEach(body::addStatement);
    if (target.analysis().effective(method).writes().isEmpty()) {
      body.addStatement("$L", target.superCall(method));
    } else {
      addLockedCall(method, body);
    }
    return body.build();
  }

  private List<CodeBlock> trackingReads(Collection<VariableElement> fields) {
    return fields.stream()
        .map(
            field ->
                CodeBlock.of(
                    "$N.$N()",
                    target.names().signal(field),
                    SignalKind.of(field.asType()).get()))
        .toList();
  }
}
