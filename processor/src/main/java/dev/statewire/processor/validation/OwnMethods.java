package dev.statewire.processor.validation;

import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.StatewireAnnotations;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * The methods whose bodies a class's checks report on: those declared in the class itself or in
 * a superclass that is not {@code @Reactive}. A {@code @Reactive} superclass reports on its own
 * methods when it is processed, so nothing is reported twice.
 */
final class OwnMethods {
  private OwnMethods() {}

  static List<ExecutableElement> of(ReactiveClass model) {
    return model.methods().stream().filter(m -> isOwn(model, m)).toList();
  }

  private static boolean isOwn(ReactiveClass model, ExecutableElement method) {
    Element declaring = method.getEnclosingElement();
    return declaring.equals(model.element())
        || !StatewireAnnotations.isPresent(declaring, StatewireAnnotations.REACTIVE);
  }
}
