package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.MethodAccess;
import dev.statewire.processor.analysis.MethodCall;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * Step 3b, SW203: a {@code @Derived} method writes no reactive field, neither itself nor through
 * a method it calls on {@code this}. The error points at the write, or at the call that leads to
 * one.
 */
public final class DerivedPurityValidator {
  private final Diagnostics diagnostics;

  public DerivedPurityValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks every {@code @Derived} method whose body was read. */
  public void validate(ClassAnalysis analysis) {
    for (ExecutableElement method : analysis.model().methods()) {
      MethodAccess access = analysis.direct(method);
      if (ReactiveClass.roleOf(method) == MethodRole.DERIVED && !access.opaque()) {
        validateDerived(analysis, method, access);
      }
    }
  }

  private void validateDerived(ClassAnalysis analysis, ExecutableElement method, MethodAccess access) {
    String name = Signatures.of(method);
    access.writeSites().forEach(
        (field, site) ->
            diagnostics.error(
                site, method, Messages.derivedWrites(name, field.getSimpleName().toString())));
    for (MethodCall call : access.calls()) {
      Optional<ExecutableElement> callee = analysis.resolve(call);
      if (callee.isEmpty() || ReactiveClass.roleOf(callee.get()) == MethodRole.DERIVED) {
        continue;
      }
      analysis
          .writePath(callee.get())
          .ifPresent(
              path ->
                  diagnostics.error(
                      call.site(),
                      method,
                      Messages.derivedWritesThrough(
                          name, Signatures.of(callee.get()), path.fieldName(), path.describe())));
    }
  }
}
