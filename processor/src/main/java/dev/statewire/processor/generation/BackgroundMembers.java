package dev.statewire.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.statewire.processor.analysis.OverrideKind;
import dev.statewire.processor.model.BackgroundMethods;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * The members the generated class gets for {@code @Background} methods: the instance's {@code
 * BackgroundTasks}, an override of each task method that starts its body on the context's
 * executor and returns at once, a {@code startM(..)} method beside it returning the task's
 * handle, {@code backgroundTasks()} listing the running tasks, and the cancellation of the tasks
 * in {@code close()}.
 */
final class BackgroundMembers {
  /** How long {@code close()} waits for cancelled tasks to end. */
  static final int CLOSE_WAIT_SECONDS = 5;

  private final GenerationTarget target;
  private final List<ExecutableElement> tasks;

  BackgroundMembers(GenerationTarget target) {
    this.target = target;
    this.tasks =
        target.model().methods().stream()
            .filter(m -> ReactiveClass.roleOf(m) == MethodRole.BACKGROUND)
            .filter(m -> OverrideKind.isOverridable(target.model(), m, target.elements()))
            .toList();
  }

  /** Whether the class has any {@code @Background} method. */
  boolean present() {
    return !tasks.isEmpty();
  }

  FieldSpec tasksField() {
    return FieldSpec.builder(RuntimeNames.BACKGROUND_TASKS, target.names().tasks(), Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc(
            "$L",
            JavadocText.wrap(
                "The background tasks of this instance: started by its {@code @Background}"
                    + " methods, cancelled by {@link #close()}."))
        .build();
  }

  /** The constructor statement creating the tasks, given the context parameter's name. */
  CodeBlock construction(String context) {
    return CodeBlock.of(
        "this.$N = new $T($N, $S);\n",
        target.names().tasks(),
        RuntimeNames.BACKGROUND_TASKS,
        context,
        target.displayName());
  }

  /** The body of the override of {@code method}: start the task, return at once. */
  static void overrideBody(
      GenerationTarget target, ExecutableElement method, MethodSpec.Builder override) {
    override.addJavadoc(
        "$L",
        JavadocText.wrap(
            "Background task: starts the body of this method on the context's executor (virtual"
                + " threads on Java 21+, a daemon thread pool otherwise) and returns at once."
                + " While an earlier call still runs, a new call "
                + policyText(method)
                + ". {@link #"
                + link(target, BackgroundMethods.startMethodName(method), method)
                + "} does the same and returns the task's handle; {@link #"
                + BackgroundMethods.RUNNING_TASKS
                + "()} lists the running tasks; {@link #close()} cancels them."));
    override.addStatement(
        "$N($L)",
        BackgroundMethods.startMethodName(method),
        GenerationTarget.argumentList(method));
  }

  /** {@code Task startM(args)}: starts the task and returns its handle. */
  MethodSpec startMethod(ExecutableElement method) {
    MethodSpec.Builder start =
        MethodSpec.methodBuilder(BackgroundMethods.startMethodName(method))
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Starts {@link #"
                        + link(target, method.getSimpleName().toString(), method)
                        + "} as a background task and returns its handle: wait for it with"
                        + " {@code await(timeout)}, stop it with {@code cancel()} (an interrupt),"
                        + " read its {@code status()} and {@code failure()}. While an earlier"
                        + " task of this method still runs, it "
                        + policyText(method)
                        + ". Throws {@code ClosedException} after {@link #close()}."))
            .returns(RuntimeNames.TASK)
            .varargs(method.isVarArgs());
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PUBLIC)) {
      start.addModifiers(Modifier.PUBLIC);
    } else if (modifiers.contains(Modifier.PROTECTED)) {
      start.addModifiers(Modifier.PROTECTED);
    }
    method.getTypeParameters().forEach(p -> start.addTypeVariable(TypeVariableName.get(p)));
    method.getParameters().forEach(p -> start.addParameter(ParameterSpec.get(p)));
    start.addStatement(
        "return $N.start($S, $T.$L, () -> super.$N($L))",
        target.names().tasks(),
        taskName(method),
        RuntimeNames.TASK_POLICY,
        BackgroundMethods.policyOf(method),
        method.getSimpleName().toString(),
        GenerationTarget.argumentList(method));
    return start.build();
  }

  /** {@code public Set<Task> backgroundTasks()}. */
  MethodSpec runningTasksMethod() {
    return MethodSpec.methodBuilder(BackgroundMethods.RUNNING_TASKS)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(
            ClassName.get(Set.class), RuntimeNames.TASK))
        .addJavadoc(
            "$L",
            JavadocText.wrap(
                "The background tasks of this instance that have not ended yet, in start order (a"
                    + " snapshot): Reflex's {@code background_tasks}."))
        .addStatement("return $N.running()", target.names().tasks())
        .build();
  }

  /** What {@code close()} does first, in its Javadoc. */
  String closeJavadoc() {
    return "cancels its running background tasks (interrupting them) and waits up to "
        + CLOSE_WAIT_SECONDS + " seconds for them to end";
  }

  /** The statement of {@code close()} that cancels the tasks and waits for them. */
  CodeBlock closeStatement() {
    return CodeBlock.of(
        "$N.close($T.ofSeconds($L));\n", target.names().tasks(), Duration.class, CLOSE_WAIT_SECONDS);
  }

  /** The task's name: the method's name, with its parameter types when it is overloaded. */
  private String taskName(ExecutableElement method) {
    long sameName =
        tasks.stream().filter(m -> m.getSimpleName().equals(method.getSimpleName())).count();
    return sameName > 1 ? Signatures.of(method) : method.getSimpleName().toString();
  }

  private static String link(GenerationTarget target, String name, ExecutableElement method) {
    return JavadocText.linkTarget(target.types(), name, method);
  }

  private static String policyText(ExecutableElement method) {
    switch (BackgroundMethods.policyOf(method)) {
      case "SKIP":
        return "starts nothing (policy SKIP)";
      case "SUPERSEDE":
        return "cancels the running task and starts anew (policy SUPERSEDE)";
      default:
        return "starts another task beside it (policy PARALLEL)";
    }
  }

}
