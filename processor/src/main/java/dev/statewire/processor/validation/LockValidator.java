package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.LockScope;
import dev.statewire.processor.analysis.LockScope.BlockingCall;
import dev.statewire.processor.analysis.LockScope.CallSite;
import dev.statewire.processor.analysis.LockScope.LockCall;
import dev.statewire.processor.analysis.LockScope.LockTarget;
import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.analysis.MethodCall;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Step 3f, how the methods of a {@code @Reactive} class take locks: only on {@code this}
 * (SW305), never inside a {@code @Derived} method (SW204), and without blocking while holding one
 * (SW403, a warning, also for blocking calls in the helpers called inside a lock block); and
 * that a helper that takes no lock is not called on another instance to write it (SW205).
 */
public final class LockValidator {
  private final Diagnostics diagnostics;

  public LockValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks every method the analysed class declares. */
  public void validate(ClassAnalysis analysis, LockScopes scopes) {
    ReactiveClass model = analysis.model();
    String owner = model.element().getSimpleName().toString();
    for (ExecutableElement method : OwnMethods.of(model)) {
      scopes.of(method).ifPresent(scope -> validate(method, owner, scope, scopes));
    }
  }

  private void validate(
      ExecutableElement method, String owner, LockScope scope, LockScopes scopes) {
    String name = Signatures.of(method);
    boolean derived = ReactiveClass.roleOf(method) == MethodRole.DERIVED;
    for (LockCall lock : scope.locks()) {
      if (derived) {
        diagnostics.error(lock.site(), method, Messages.derivedLocks(name, lock.description()));
      } else if (lock.target() == LockTarget.OTHER_OBJECT) {
        diagnostics.error(
            lock.site(), method, Messages.lockOfOtherObject(lock.description(), name, owner));
      }
    }
    if (derived) {
      for (CallSite call : scope.calls()) {
        scopes
            .runsAsWritten(call)
            .flatMap(scopes::lockTaken)
            .ifPresent(
                path ->
                    diagnostics.error(
                        call.call().site(),
                        method,
                        Messages.derivedLocksThrough(
                            name, Signatures.of(path.first()), path.describe())));
      }
    }
    validateOtherInstanceCalls(method, owner, scope, scopes);
    if (Suppressions.isSuppressed(method, "SW403")) {
      return;
    }
    for (BlockingCall blocking : scope.blockingCalls()) {
      if (blocking.place().locked()) {
        diagnostics.warning(
            blocking.site(), method, Messages.blocksUnderLock(name, owner, blocking.description()));
      }
    }
    for (CallSite call : scope.calls()) {
      if (call.place().locked()) {
        scopes
            .runsAsWritten(call)
            .flatMap(scopes::blockingCall)
            .ifPresent(
                path ->
                    diagnostics.warning(
                        call.call().site(),
                        method,
                        Messages.blocksUnderLockThrough(
                            name, owner, Signatures.of(path.first()), path.describe())));
      }
    }
  }

  /**
   * SW205 for {@code peer.reset()}: a method of the class that the generated class does not
   * override (so it takes no lock) called on another instance, writing that instance's fields.
   */
  private void validateOtherInstanceCalls(
      ExecutableElement method, String owner, LockScope scope, LockScopes scopes) {
    for (MethodCall call : scope.otherInstanceCalls()) {
      ExecutableElement target = call.target();
      if (target.getModifiers().contains(Modifier.STATIC)
          || scopes.isOverriddenByGeneratedClass(target)) {
        continue;
      }
      MethodInvocationTree invocation =
          call.site().getLeaf() instanceof MethodInvocationTree
              ? (MethodInvocationTree) call.site().getLeaf()
              : null;
      if (invocation == null || !(invocation.getMethodSelect() instanceof MemberSelectTree)) {
        continue;
      }
      String receiver = ((MemberSelectTree) invocation.getMethodSelect()).getExpression().toString();
      scopes
          .anyWrite(target)
          .ifPresent(
              path ->
                  diagnostics.error(
                      call.site(),
                      method,
                      Messages.writesOtherInstanceThrough(
                          Signatures.of(target), owner, path.fieldName(), receiver,
                          path.describe())));
    }
  }
}
