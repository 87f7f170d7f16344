package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import dev.statewire.processor.model.StatewireAnnotations;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * SW306: a {@code final} method that overrides an action of a {@code @Reactive} superclass
 * (an overridable method that writes fields). The generated class cannot override it, so every
 * caller, who expects an action, gets an unlocked write that is never committed.
 */
public final class FinalOverrideValidator {
  private final Diagnostics diagnostics;
  private final Elements elements;

  public FinalOverrideValidator(Diagnostics diagnostics, Elements elements) {
    this.diagnostics = diagnostics;
    this.elements = elements;
  }

  /** Checks the final methods the class declares. */
  public void validate(ClassAnalysis analysis) {
    ReactiveClass model = analysis.model();
    for (ExecutableElement method : OwnMethods.of(model)) {
      if (!method.getModifiers().contains(Modifier.FINAL)
          || !method.getEnclosingElement().equals(model.element())
          || analysis.effective(method).writes().isEmpty()) {
        continue;
      }
      for (ExecutableElement base : model.overriddenMethods()) {
        TypeElement declaring = (TypeElement) base.getEnclosingElement();
        if (StatewireAnnotations.isPresent(declaring, StatewireAnnotations.REACTIVE)
            && elements.overrides(method, base, model.element())) {
          diagnostics.error(
              method,
              Messages.finalOverrideOfAction(
                  Signatures.of(method),
                  model.element().getSimpleName().toString(),
                  declaring.getSimpleName().toString(),
                  analysis.effective(method).writes().iterator().next().getSimpleName().toString()));
          break;
        }
      }
    }
  }
}
