package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.LockScope;
import dev.statewire.processor.analysis.LockScope.BlockingCall;
import dev.statewire.processor.analysis.LockScope.CallSite;
import dev.statewire.processor.analysis.LockScope.LockCall;
import dev.statewire.processor.analysis.LockScope.LockTarget;
import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import javax.lang.model.element.ExecutableElement;

/**
 * Step 3f, how the methods of a {@code @Reactive} class take locks: only on {@code this}
 * (SW305), never inside a {@code @Derived} method (SW204), and without blocking while holding one
 * (SW403, a warning).
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
            .filter(scopes::takesLock)
            .ifPresent(
                helper ->
                    diagnostics.error(
                        call.call().site(),
                        method,
                        Messages.derivedLocksThrough(name, Signatures.of(helper))));
      }
    }
    boolean warnBlocking = !Suppressions.isSuppressed(method, "SW403");
    for (BlockingCall blocking : scope.blockingCalls()) {
      if (warnBlocking && blocking.place().locked()) {
        diagnostics.warning(
            blocking.site(), method, Messages.blocksUnderLock(name, owner, blocking.description()));
      }
    }
  }
}
