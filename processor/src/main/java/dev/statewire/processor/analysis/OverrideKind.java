package dev.statewire.processor.analysis;

import dev.statewire.processor.model.AsyncDerivedMethods;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.Overriding;
import dev.statewire.processor.model.ReactiveClass;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * How the generated class overrides one method of the hierarchy: the role the analysis gives it,
 * decided here, in the analysis, and only carried out by the generator.
 */
public enum OverrideKind {
  /** {@code @Derived}: served from a cached computed value. */
  DERIVED,
  /** {@code @Derived} returning a {@code CompletionStage}: served from a resource. */
  ASYNC_DERIVED,
  /** Its whole body is {@code return field;}: a lock-free read of the committed value. */
  GETTER,
  /** Reads reactive fields (directly or through calls): tracks them when read in a reactive scope. */
  TRACKED_READ,
  /** Writes reactive fields (directly or through calls): runs as an action under the lock. */
  ACTION,
  /** {@code @Background}: starts the method's body as a task and returns at once. */
  BACKGROUND,
  /** Not overridden: it touches no reactive field, or cannot be overridden. */
  NONE;

  /** The override {@code method} gets in the class generated for {@code analysis}. */
  public static OverrideKind of(
      ClassAnalysis analysis, ExecutableElement method, Elements elements, Types types) {
    if (!isOverridable(analysis.model(), method, elements)) {
      return NONE;
    }
    MethodRole role = ReactiveClass.roleOf(method);
    if (role == MethodRole.BACKGROUND) {
      return BACKGROUND;
    }
    if (role == MethodRole.DERIVED) {
      return new AsyncDerivedMethods(elements, types).isAsync(method) ? ASYNC_DERIVED : DERIVED;
    }
    Access access = analysis.effective(method);
    if (!access.writes().isEmpty()) {
      return ACTION;
    }
    if (isGetter(analysis, method, types)) {
      return GETTER;
    }
    return access.reads().isEmpty() ? NONE : TRACKED_READ;
  }

  /** The body is {@code return field;} and the method returns exactly the field's type. */
  private static boolean isGetter(ClassAnalysis analysis, ExecutableElement method, Types types) {
    MethodAccess direct = analysis.direct(method);
    if (direct.returnedField().isEmpty()) {
      return false;
    }
    ReactiveClass model = analysis.model();
    ExecutableType seen =
        (ExecutableType) types.asMemberOf((DeclaredType) model.element().asType(), method);
    return model
        .field(direct.returnedField().get())
        .map(field -> types.isSameType(seen.getReturnType(), field.type()))
        .orElse(false);
  }

  /** The generated class, in the package of the annotated class, can override {@code method}. */
  public static boolean isOverridable(
      ReactiveClass model, ExecutableElement method, Elements elements) {
    return Overriding.isOverridable(model, method, elements);
  }
}
