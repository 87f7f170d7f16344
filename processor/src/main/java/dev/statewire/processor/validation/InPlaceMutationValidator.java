package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.LockScope.InPlaceMutation;
import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.model.Signatures;
import javax.lang.model.element.ExecutableElement;

/**
 * Step 3g, SW402 (a warning): a reactive field's array or collection changed in place ({@code
 * items.add(x)}, {@code grid[i] = v}). Statewire sees assignments to fields, so such a change is
 * neither published nor rolled back.
 */
public final class InPlaceMutationValidator {
  private final Diagnostics diagnostics;

  public InPlaceMutationValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks every method the analysed class declares. */
  public void validate(ClassAnalysis analysis, LockScopes scopes) {
    String owner = analysis.model().element().getSimpleName().toString();
    for (ExecutableElement method : OwnMethods.of(analysis.model())) {
      if (Suppressions.isSuppressed(method, "SW402")) {
        continue;
      }
      scopes.of(method).ifPresent(scope -> {
        for (InPlaceMutation mutation : scope.inPlaceMutations()) {
          diagnostics.warning(
              mutation.site(),
              method,
              Messages.mutatedInPlace(
                  Signatures.of(method),
                  owner,
                  mutation.field().getSimpleName().toString(),
                  mutation.how()));
        }
      });
    }
  }
}
