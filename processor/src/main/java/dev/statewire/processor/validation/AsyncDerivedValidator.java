package dev.statewire.processor.validation;

import dev.statewire.processor.model.AsyncDerivedMethods;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Step 3d, SW301 for async {@code @Derived} methods (those returning a {@code CompletionStage}):
 * the generated class must be able to return its own stage where the method returns one, and
 * to add the accessor {@code nameResource()} without clashing with a method of the class; its
 * parameters can only be what the generated loader passes (the load's {@code Cancellation}, the
 * previous {@code ResourceSnapshot}).
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
      if (own) {
        validateParameters(method, name);
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

  /** Each parameter is the load's {@code Cancellation} or the previous snapshot, at most once. */
  private void validateParameters(ExecutableElement method, String name) {
    TypeMirror value = async.valueType(method.getReturnType());
    Set<AsyncDerivedMethods.LoaderArgument> seen = EnumSet.noneOf(AsyncDerivedMethods.LoaderArgument.class);
    for (VariableElement parameter : method.getParameters()) {
      Optional<AsyncDerivedMethods.LoaderArgument> argument =
          async.loaderArgument(value, parameter.asType());
      if (argument.isEmpty()) {
        diagnostics.error(
            parameter,
            Messages.asyncDerivedParameter(
                name, parameter.getSimpleName().toString(), parameter.asType().toString(),
                value.toString()));
      } else if (!seen.add(argument.get())) {
        diagnostics.error(
            parameter,
            Messages.asyncDerivedParameterTwice(
                name, parameter.getSimpleName().toString(), parameter.asType().toString()));
      }
    }
  }
}
