package dev.statewire.processor.validation;

import com.sun.source.util.Trees;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.model.StatewireAnnotations;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The checks of the lock model (DESIGN §4.6, §5): the shape of {@code @Background} methods
 * (SW303) and, when the compiler lets the processor read method bodies, where state is written,
 * read and locked (SW201, SW202, SW204, SW305, SW401, SW402, SW403), all from one {@link
 * LockScopes} reading of the class.
 */
public final class LockRules {
  private final Optional<Trees> trees;
  private final Elements elements;
  private final Types types;
  private final BackgroundValidator background;
  private final LockValidator locks;
  private final InPlaceMutationValidator inPlaceMutations;

  public LockRules(
      Optional<Trees> trees, Diagnostics diagnostics, Elements elements, Types types) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.background = new BackgroundValidator(diagnostics, elements, types);
    this.locks = new LockValidator(diagnostics);
    this.inPlaceMutations = new InPlaceMutationValidator(diagnostics);
  }

  /** Checks the analysed class. */
  public void validate(ClassAnalysis analysis) {
    background.validateDeclarations(analysis.model());
    if (trees.isPresent() && analysis.bodiesVisible()) {
      LockScopes scopes = LockScopes.of(analysis, trees.get(), elements, types);
      background.validateBodies(analysis, scopes);
      locks.validate(analysis, scopes);
      inPlaceMutations.validate(analysis, scopes);
    }
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
