package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.Deferral;
import dev.statewire.processor.analysis.HelperPath;
import dev.statewire.processor.analysis.LockScope;
import dev.statewire.processor.analysis.LockScope.CallSite;
import dev.statewire.processor.analysis.LockScope.FieldAccess;
import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.model.BackgroundMethods;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import dev.statewire.processor.model.StatewireAnnotations;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step 3e, {@code @Background} methods: their shape (SW303), and that they change state only
 * inside a lock block (SW201), never from code that may run later (SW202), and read it outside
 * one only knowingly (SW401, a warning).
 */
public final class BackgroundValidator {
  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Types types;

  public BackgroundValidator(Diagnostics diagnostics, Elements elements, Types types) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.types = types;
  }

  /** SW303 for every {@code @Background} method the class declares. */
  public void validateDeclarations(ReactiveClass model) {
    for (ExecutableElement method : ElementFilter.methodsIn(model.element().getEnclosedElements())) {
      if (StatewireAnnotations.isPresent(method, StatewireAnnotations.BACKGROUND)) {
        validateShape(method);
      }
    }
  }

  /** SW303 for one {@code @Background} method, wherever it is declared. */
  public void validateShape(ExecutableElement method) {
    String problem = shapeProblem(method);
    if (problem != null) {
      diagnostics.error(
          method, Messages.backgroundShape(Signatures.of(method), problem, fix(problem)));
    }
  }

  private String shapeProblem(ExecutableElement method) {
    Set<Modifier> modifiers = method.getModifiers();
    if (!StatewireAnnotations.isPresent(
        method.getEnclosingElement(), StatewireAnnotations.REACTIVE)) {
      return "is not in a @Reactive class";
    }
    if (StatewireAnnotations.isPresent(method, StatewireAnnotations.DERIVED)
        || StatewireAnnotations.isPresent(method, StatewireAnnotations.EFFECT)) {
      return "is also @Derived or @Effect";
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
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      return "returns a value";
    }
    return clash(method);
  }

  /** A method of the class that has the name and parameters of a generated member. */
  private String clash(ExecutableElement method) {
    String start = BackgroundMethods.startMethodName(method);
    for (ExecutableElement other :
        ElementFilter.methodsIn(elements.getAllMembers(
            (TypeElement) method.getEnclosingElement()))) {
      String name = other.getSimpleName().toString();
      boolean sameStart = name.equals(start) && sameParameters(other, method);
      boolean sameRunning =
          name.equals(BackgroundMethods.RUNNING_TASKS) && other.getParameters().isEmpty();
      if (sameStart || sameRunning) {
        return "needs the generated method " + name + "(...), but the class already has "
            + Signatures.of(other);
      }
    }
    return null;
  }

  private boolean sameParameters(ExecutableElement a, ExecutableElement b) {
    if (a.getParameters().size() != b.getParameters().size()) {
      return false;
    }
    for (int i = 0; i < a.getParameters().size(); i++) {
      if (!types.isSameType(
          types.erasure(a.getParameters().get(i).asType()),
          types.erasure(b.getParameters().get(i).asType()))) {
        return false;
      }
    }
    return true;
  }

  private static String fix(String problem) {
    switch (problem) {
      case "is not in a @Reactive class":
        return "Annotate its class with @Reactive, or remove @Background.";
      case "is also @Derived or @Effect":
        return "Keep only @Background.";
      case "is static":
        return "Remove static.";
      case "is private":
        return "Make it package-private, protected or public.";
      case "is final":
        return "Remove final.";
      case "returns a value":
        return "Return void and store the result in a field inside a lock block.";
      default:
        return "Rename one of the two methods.";
    }
  }

  /**
   * SW201, SW202 and SW401 for the {@code @Background} methods of the analysed class; and SW201
   * for a task inherited from a {@code @Reactive} class of another package that calls a
   * package-private helper which the generated class, in this package, cannot override.
   */
  public void validateBodies(ClassAnalysis analysis, LockScopes scopes) {
    List<ExecutableElement> own = OwnMethods.of(analysis.model());
    for (ExecutableElement method : analysis.model().methods()) {
      if (ReactiveClass.roleOf(method) != MethodRole.BACKGROUND) {
        continue;
      }
      if (own.contains(method)) {
        scopes.of(method).ifPresent(scope -> validateBody(method, scope, scopes));
      } else {
        scopes.of(method).ifPresent(scope -> validateInherited(analysis, method, scope, scopes));
      }
    }
  }

  private void validateBody(ExecutableElement method, LockScope scope, LockScopes scopes) {
    String name = Signatures.of(method);
    boolean warnReads = !Suppressions.isSuppressed(method, "SW401");
    Set<VariableElement> warnedReads = new HashSet<>();
    for (FieldAccess access : scope.fieldUses()) {
      if (access.place().locked()) {
        continue;
      }
      String field = access.field().getSimpleName().toString();
      Deferral deferral = access.place().deferral();
      if (access.use().writes()) {
        diagnostics.error(
            access.use().site(),
            method,
            deferral == Deferral.NONE
                ? Messages.backgroundWritesUnlocked(name, field)
                : Messages.backgroundWritesDeferred(name, field, deferral.description()));
      } else if (warnReads && access.use().reads() && warnedReads.add(access.field())) {
        diagnostics.warning(
            access.use().site(), method, Messages.backgroundReadsUnlocked(name, field));
      }
    }
    Set<ExecutableElement> warnedHelpers = new HashSet<>();
    for (CallSite call : scope.calls()) {
      if (call.place().locked()) {
        continue;
      }
      Optional<ExecutableElement> helper = scopes.runsAsWritten(call);
      if (helper.isEmpty()) {
        continue;
      }
      String helperName = Signatures.of(helper.get());
      Optional<HelperPath> written = scopes.unlockedWrite(helper.get());
      Deferral deferral = call.place().deferral();
      if (written.isPresent()) {
        String field = written.get().fieldName();
        String path = written.get().describe();
        diagnostics.error(
            call.call().site(),
            method,
            deferral == Deferral.NONE
                ? Messages.backgroundWritesUnlockedThrough(name, helperName, field, path)
                : Messages.backgroundWritesDeferredThrough(
                    name, helperName, field, path, deferral.description()));
      } else if (warnReads && warnedHelpers.add(helper.get())) {
        scopes
            .unlockedRead(helper.get())
            .ifPresent(
                read ->
                    diagnostics.warning(
                        call.call().site(),
                        method,
                        Messages.backgroundReadsUnlockedThrough(
                            name, helperName, read.fieldName(), read.describe())));
      }
    }
  }

  /**
   * An inherited task's unlocked calls to helpers that are overridable where the task is
   * declared (its own class makes them actions) but not in the analysed class's package.
   */
  private void validateInherited(
      ClassAnalysis analysis, ExecutableElement method, LockScope scope, LockScopes scopes) {
    TypeElement base = (TypeElement) method.getEnclosingElement();
    for (CallSite call : scope.calls()) {
      if (call.place().locked() || call.place().deferral() != Deferral.NONE) {
        continue;
      }
      Optional<ExecutableElement> helper = scopes.runsAsWritten(call);
      if (helper.isEmpty()
          || helper.get().getModifiers().contains(Modifier.PRIVATE)
          || helper.get().getModifiers().contains(Modifier.STATIC)
          || helper.get().getModifiers().contains(Modifier.FINAL)
          || call.call().viaSuper()) {
        continue;
      }
      scopes
          .unlockedWrite(helper.get())
          .ifPresent(
              written ->
                  diagnostics.error(
                      call.call().site(),
                      analysis.model().element(),
                      Messages.inheritedTaskWritesThrough(
                          Signatures.of(method),
                          base.getSimpleName().toString(),
                          Signatures.of(helper.get()),
                          written.fieldName(),
                          written.describe(),
                          analysis.model().element().getSimpleName().toString())));
    }
  }
}
