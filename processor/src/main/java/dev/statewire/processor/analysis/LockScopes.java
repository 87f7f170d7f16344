package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import dev.statewire.processor.analysis.LockScope.CallSite;
import dev.statewire.processor.analysis.LockScope.FieldAccess;
import dev.statewire.processor.model.Overriding;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The {@link LockScope} of every method of a {@code @Reactive} class whose body is visible, and
 * what a helper does when it is called: a call to a method the generated class does not override
 * (private, final or static, through {@code super.}, package-private from another package, or a
 * method of an inner class) runs its body as written, so the helper's writes, reads, locks and
 * blocking calls happen at the call. A call to an overridable method goes through the generated
 * override instead, which takes the lock itself when the method writes (an action).
 */
public final class LockScopes {
  private final ClassAnalysis analysis;
  private final Elements elements;
  private final Map<ExecutableElement, LockScope> scopes;

  LockScopes(ClassAnalysis analysis, Elements elements, Map<ExecutableElement, LockScope> scopes) {
    this.analysis = analysis;
    this.elements = elements;
    this.scopes = Map.copyOf(scopes);
  }

  /** The analysis of the class, from the same reading. */
  public ClassAnalysis analysis() {
    return analysis;
  }

  /** The lock scope of {@code method}, if its body was read. */
  public Optional<LockScope> of(ExecutableElement method) {
    return Optional.ofNullable(scopes.get(method));
  }

  /**
   * The method {@code call} runs without going through a generated override (so without the lock
   * an action would take), if it is one of the analysed methods with a visible body.
   */
  public Optional<ExecutableElement> runsAsWritten(CallSite call) {
    return analysis
        .resolve(call.call())
        .filter(target -> call.call().viaSuper() || !isOverriddenByGeneratedClass(target))
        .filter(scopes::containsKey);
  }

  /** The generated class overrides {@code method} (so calls of it take the lock if it writes). */
  public boolean isOverriddenByGeneratedClass(ExecutableElement method) {
    return analysis.model().hierarchy().contains(method.getEnclosingElement())
        && Overriding.isOverridable(analysis.model(), method, elements);
  }

  /** Where {@code method} writes a field outside a lock block, itself or through helpers. */
  public Optional<HelperPath> unlockedWrite(ExecutableElement method) {
    return first(method, scope -> firstAccess(scope, a -> a.use().writes()), call -> !call.place().locked());
  }

  /** Where {@code method} reads a field outside a lock block, itself or through helpers. */
  public Optional<HelperPath> unlockedRead(ExecutableElement method) {
    return first(method, scope -> firstAccess(scope, a -> a.use().reads()), call -> !call.place().locked());
  }

  /** Where {@code method} writes a field, anywhere, itself or through the helpers it calls. */
  public Optional<HelperPath> anyWrite(ExecutableElement method) {
    return first(
        method,
        scope -> scope.fieldUses().stream()
            .filter(a -> a.use().writes())
            .findFirst()
            .map(a -> new End(a.use().site(), Optional.of(a.field()))),
        call -> true);
  }

  /** Where {@code method} takes a lock, itself or through the helpers it calls. */
  public Optional<HelperPath> lockTaken(ExecutableElement method) {
    return first(
        method,
        scope -> scope.locks().stream().findFirst().map(l -> new End(l.site(), Optional.empty())),
        call -> true);
  }

  /**
   * Where {@code method}, when it runs under the lock, makes a known blocking call that is not
   * deferred, itself or through the helpers it calls where they are not deferred either.
   */
  public Optional<HelperPath> blockingCall(ExecutableElement method) {
    return first(
        method,
        scope -> scope.blockingCalls().stream()
            .filter(b -> b.place().deferral() == Deferral.NONE)
            .findFirst()
            .map(b -> new End(b.site(), Optional.empty())),
        call -> call.place().deferral() == Deferral.NONE);
  }

  private static Optional<End> firstAccess(LockScope scope, Predicate<FieldAccess> counts) {
    return scope.fieldUses().stream()
        .filter(a -> !a.place().locked() && counts.test(a))
        .findFirst()
        .map(a -> new End(a.use().site(), Optional.of(a.field())));
  }

  /** What a search found in one body. */
  private record End(TreePath site, Optional<VariableElement> field) {}

  private Optional<HelperPath> first(
      ExecutableElement method, Function<LockScope, Optional<End>> own, Predicate<CallSite> follow) {
    return first(method, own, follow, new HashSet<>());
  }

  /**
   * What {@code own} finds in {@code method}, else in the helpers it calls where {@code follow}
   * lets the search go on, with the path of helpers to it.
   */
  private Optional<HelperPath> first(
      ExecutableElement method,
      Function<LockScope, Optional<End>> own,
      Predicate<CallSite> follow,
      Set<ExecutableElement> visited) {
    LockScope scope = scopes.get(method);
    if (scope == null || !visited.add(method)) {
      return Optional.empty();
    }
    Optional<End> end = own.apply(scope);
    if (end.isPresent()) {
      return Optional.of(new HelperPath(List.of(method), end.get().site(), end.get().field()));
    }
    for (CallSite call : scope.calls()) {
      if (follow.test(call)) {
        Optional<HelperPath> through =
            runsAsWritten(call).flatMap(h -> first(h, own, follow, visited));
        if (through.isPresent()) {
          return Optional.of(through.get().through(method));
        }
      }
    }
    return Optional.empty();
  }
}
