package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.LockScope.HiddenRead;
import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import javax.lang.model.element.ExecutableElement;

/**
 * SW404 (a warning): a {@code @Derived} or {@code @Effect} method reads state where the
 * processor cannot see it, so its dependencies miss it: {@code this} handed to a method of
 * another class ({@code Format.of(this)}), or a call of a lambda held in a field. Static helpers
 * of the class and methods of its inner classes are read, and need no warning.
 */
public final class HiddenReadValidator {
  private final Diagnostics diagnostics;

  public HiddenReadValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks the derived values and effects the class declares. */
  public void validate(LockScopes scopes) {
    for (ExecutableElement method : OwnMethods.of(scopes.analysis().model())) {
      MethodRole role = ReactiveClass.roleOf(method);
      if ((role != MethodRole.DERIVED && role != MethodRole.EFFECT)
          || Suppressions.isSuppressed(method, "SW404")) {
        continue;
      }
      String roleName = role == MethodRole.DERIVED ? "@Derived" : "@Effect";
      scopes
          .of(method)
          .ifPresent(
              scope -> {
                for (HiddenRead read : scope.hiddenReads()) {
                  diagnostics.warning(
                      read.site(),
                      method,
                      Messages.hiddenRead(roleName, Signatures.of(method), read.how()));
                }
              });
    }
  }
}
