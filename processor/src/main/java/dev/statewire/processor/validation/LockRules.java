package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.StatewireAnnotations;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The checks of the lock model (docs/lock-model.md, docs/diagnostics.md): the shape of {@code @Background} methods
 * (SW303), checked on the declarations during the rounds, and, once javac has attributed the
 * class, where state is written, read and locked (SW201, SW202, SW204, SW205 for calls on another
 * instance, SW305, SW401, SW402, SW403), all from one {@link LockScopes} reading of the class.
 */
public final class LockRules {
  private final Elements elements;
  private final BackgroundValidator background;
  private final LockValidator locks;
  private final InPlaceMutationValidator inPlaceMutations;

  public LockRules(Diagnostics diagnostics, Elements elements, Types types) {
    this.elements = elements;
    this.background = new BackgroundValidator(diagnostics, elements, types);
    this.locks = new LockValidator(diagnostics);
    this.inPlaceMutations = new InPlaceMutationValidator(diagnostics);
  }

  /** SW303 for the {@code @Background} methods the class declares. */
  public void validateDeclarations(ReactiveClass model) {
    background.validateDeclarations(model);
  }

  /** The body checks, from the precise reading of the class. */
  public void validateBodies(LockScopes scopes) {
    background.validateBodies(scopes.analysis(), scopes);
    locks.validate(scopes.analysis(), scopes);
    inPlaceMutations.validate(scopes.analysis(), scopes);
  }

  /** SW303 for {@code @Background} methods of classes that are not {@code @Reactive}. */
  public void validateOutsideReactiveClasses(RoundEnvironment round) {
    TypeElement annotation = elements.getTypeElement(StatewireAnnotations.BACKGROUND);
    if (annotation == null) {
      return;
    }
    for (ExecutableElement method :
        ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
      boolean inReactiveClass =
          method.getEnclosingElement().getKind() == ElementKind.CLASS
              && StatewireAnnotations.isPresent(
                  method.getEnclosingElement(), StatewireAnnotations.REACTIVE);
      if (!inReactiveClass) {
        background.validateShape(method);
      }
    }
  }
}
