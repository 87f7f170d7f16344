package dev.statewire.processor.validation;

import dev.statewire.processor.model.DerivedEqualities;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import javax.lang.model.element.ExecutableElement;

/**
 * Step 3e, SW307: the member a {@code @Derived(equality = "name")} names exists, is static, is a
 * {@code BiPredicate} of the method's type or a boolean method taking two of its values, and the
 * generated class can reach it; reported at the attribute.
 */
public final class DerivedEqualityValidator {
  private final Diagnostics diagnostics;
  private final DerivedEqualities equalities;

  public DerivedEqualityValidator(Diagnostics diagnostics, DerivedEqualities equalities) {
    this.diagnostics = diagnostics;
    this.equalities = equalities;
  }

  /** Checks the equalities of the {@code @Derived} methods the class declares. */
  public void validate(ReactiveClass model) {
    for (ExecutableElement method : model.methods()) {
      if (ReactiveClass.roleOf(method) != MethodRole.DERIVED
          || !method.getEnclosingElement().equals(model.element())) {
        continue;
      }
      equalities
          .resolve(model.element(), method)
          .filter(resolution -> resolution.problem() != null)
          .ifPresent(
              resolution -> {
                var attribute = DerivedEqualities.attribute(method).orElseThrow();
                diagnostics.error(
                    method,
                    attribute.getKey(),
                    attribute.getValue(),
                    Messages.derivedEquality(
                        Signatures.of(method),
                        DerivedEqualities.name(method).orElseThrow(),
                        resolution.problem(),
                        resolution.fix()));
              });
    }
  }
}
