package dev.statewire.processor.validation;

import dev.statewire.processor.model.DerivedEqualities;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

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

  /**
   * Checks the equalities of the {@code @Derived} methods of the class and of its {@code
   * @Reactive} superclasses, as seen from the class's package (where the generated class is); an
   * inherited method's problem is reported at the class, unless its own class has it too.
   */
  public void validate(ReactiveClass model) {
    for (ExecutableElement method : model.methods()) {
      if (ReactiveClass.roleOf(method) != MethodRole.DERIVED) {
        continue;
      }
      boolean own = method.getEnclosingElement().equals(model.element());
      if (!own && hasProblem((TypeElement) method.getEnclosingElement(), method)) {
        continue; // reported where the method is declared
      }
      equalities
          .resolve(model.element(), method)
          .filter(resolution -> resolution.problem() != null)
          .ifPresent(resolution -> report(model, method, resolution));
    }
  }

  private boolean hasProblem(TypeElement type, ExecutableElement method) {
    return equalities.resolve(type, method).filter(r -> r.problem() != null).isPresent();
  }

  private void report(
      ReactiveClass model, ExecutableElement method, DerivedEqualities.Resolution resolution) {
    String message =
        Messages.derivedEquality(
            Signatures.of(method),
            DerivedEqualities.name(method).orElseThrow(),
            resolution.problem(),
            resolution.fix());
    if (method.getEnclosingElement().equals(model.element())) {
      var attribute = DerivedEqualities.attribute(method).orElseThrow();
      diagnostics.error(method, attribute.getKey(), attribute.getValue(), message);
    } else {
      diagnostics.error(model.element(), message);
    }
  }
}
