package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.statewire.processor.analysis.LockScope.CallSite;
import dev.statewire.processor.analysis.LockScope.FieldAccess;
import dev.statewire.processor.model.Overriding;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The {@link LockScope} of every method of a {@code @Reactive} class whose body is visible, and
 * what a helper does when it is called: a call to a method the generated class does not override
 * (private, final or static, or through {@code super.}) runs its body as written, so the helper's
 * writes, reads and locks happen at the call. A call to an overridable method goes through the
 * generated override instead, which takes the lock itself when the method writes (an action).
 */
public final class LockScopes {
  private final ClassAnalysis analysis;
  private final Elements elements;
  private final Map<ExecutableElement, LockScope> scopes;

  private LockScopes(
      ClassAnalysis analysis, Elements elements, Map<ExecutableElement, LockScope> scopes) {
    this.analysis = analysis;
    this.elements = elements;
    this.scopes = scopes;
  }

  /** Scans every method of the hierarchy of {@code analysis}'s class that has a body in source. */
  public static LockScopes of(
      ClassAnalysis analysis, Trees trees, Elements elements, Types types) {
    ReactiveClass model = analysis.model();
    Set<VariableElement> fields =
        model.fields().stream()
            .map(ReactiveField::element)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<TypeElement> hierarchy = Set.copyOf(model.hierarchy());
    BlockingCalls blocking = new BlockingCalls(elements, types);
    InPlaceMutators mutators = new InPlaceMutators(elements, types);
    Map<ExecutableElement, LockScope> scopes = new LinkedHashMap<>();
    for (List<ExecutableElement> methods : List.of(model.methods(), model.overriddenMethods())) {
      for (ExecutableElement method : methods) {
        TreePath path = trees.getPath(method);
        if (path != null) {
          scopes.put(
              method, LockScopeScanner.scan(trees, path, fields, hierarchy, blocking, mutators));
        }
      }
    }
    return new LockScopes(analysis, elements, scopes);
  }

  /** The lock scope of {@code method}, if its body was read. */
  public Optional<LockScope> of(ExecutableElement method) {
    return Optional.ofNullable(scopes.get(method));
  }

  /**
   * The method {@code call} runs without going through a generated override (so without the lock
   * an action would take), if it is one of the class's methods with a visible body.
   */
  public Optional<ExecutableElement> runsAsWritten(CallSite call) {
    return analysis
        .resolve(call.call())
        .filter(target -> call.call().viaSuper()
            || !Overriding.isOverridable(analysis.model(), target, elements))
        .filter(scopes::containsKey);
  }

  /** The first field {@code method} writes outside a lock block, itself or through helpers. */
  public Optional<VariableElement> unlockedWrite(ExecutableElement method) {
    return firstUnlocked(method, access -> access.use().writes(), new HashSet<>());
  }

  /** The first field {@code method} reads outside a lock block, itself or through helpers. */
  public Optional<VariableElement> unlockedRead(ExecutableElement method) {
    return firstUnlocked(method, access -> access.use().reads(), new HashSet<>());
  }

  private Optional<VariableElement> firstUnlocked(
      ExecutableElement method,
      Predicate<FieldAccess> counts,
      Set<ExecutableElement> visited) {
    LockScope scope = scopes.get(method);
    if (scope == null || !visited.add(method)) {
      return Optional.empty();
    }
    for (FieldAccess access : scope.fieldUses()) {
      if (!access.place().locked() && counts.test(access)) {
        return Optional.of(access.field());
      }
    }
    for (CallSite call : scope.calls()) {
      if (!call.place().locked()) {
        Optional<VariableElement> through =
            runsAsWritten(call).flatMap(helper -> firstUnlocked(helper, counts, visited));
        if (through.isPresent()) {
          return through;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code method} takes a lock, itself or through the helpers it calls. */
  public boolean takesLock(ExecutableElement method) {
    return takesLock(method, new HashSet<>());
  }

  private boolean takesLock(ExecutableElement method, Set<ExecutableElement> visited) {
    LockScope scope = scopes.get(method);
    if (scope == null || !visited.add(method)) {
      return false;
    }
    return !scope.locks().isEmpty()
        || scope.calls().stream()
            .anyMatch(call -> runsAsWritten(call).map(h -> takesLock(h, visited)).orElse(false));
  }
}
