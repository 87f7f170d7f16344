package dev.statewire.processor.validation;

import dev.statewire.processor.model.AsyncDerivedMethods;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Step 3d, SW301 for async {@code @Derived} methods (those returning a {@code CompletionStage}):
 * the generated class must be able to return its own stage where the method returns one, and
 * to add the accessor {@code nameResource()} without clashing with a method of the class.
 */
public final class AsyncDerivedValidator {
  private final Diagnostics diagnostics;
  private final Elements elements;
  private final AsyncDerivedMethods async;

  public AsyncDerivedValidator(
      Diagnostics diagnostics, Elements elements, AsyncDerivedMethods async) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.async = async;
  }

  /** Checks the async derived methods of the class and of its {@code @Reactive} superclasses. */
  public void validate(ReactiveClass model) {
    for (ExecutableElement method : model.methods()) {
      if (!async.isAsync(method)) {
        continue;
      }
      boolean own = method.getEnclosingElement().equals(model.element());
      Element at = own ? method : model.element();
      String name = Signatures.of(method);
      if (own && !async.acceptsCompletableFuture(method.getReturnType())) {
        diagnostics.error(
            at, Messages.asyncDerivedStageType(name, method.getReturnType().toString()));
      }
      String accessor = AsyncDerivedMethods.resourceAccessorName(method);
      for (ExecutableElement other :
          ElementFilter.methodsIn(elements.getAllMembers(model.element()))) {
        if (other.getSimpleName().contentEquals(accessor) && other.getParameters().isEmpty()) {
          diagnostics.error(at, Messages.asyncDerivedAccessorClash(name, Signatures.of(other)));
        }
      }
    }
  }
}
