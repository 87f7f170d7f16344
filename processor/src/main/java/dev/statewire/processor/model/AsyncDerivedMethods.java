package dev.statewire.processor.model;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Async derived values (processor/README.md, "Async derived values"): a {@code @Derived} method whose return type is a {@code
 * CompletionStage} becomes a {@code Resource} in the generated class, exposed by a generated
 * accessor {@code nameResource()}. Validation and generation share these rules.
 */
public final class AsyncDerivedMethods {
  private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
  private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  private static final String CANCELLATION = "dev.statewire.Cancellation";
  private static final String RESOURCE_SNAPSHOT = "dev.statewire.ResourceSnapshot";

  private final Elements elements;
  private final Types types;

  public AsyncDerivedMethods(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * What the generated loader passes for a parameter of an async derived method, recognised by
   * the parameter's type; named by the {@code ResourceLoaderParams} accessor it comes from.
   */
  public enum LoaderArgument {
    /** A {@code Cancellation}: fires when the load is no longer wanted. */
    CANCELLATION("cancellation"),
    /** A {@code ResourceSnapshot<T>}: the resource's state just before the load. */
    PREVIOUS("previous");

    private final String accessor;

    LoaderArgument(String accessor) {
      this.accessor = accessor;
    }

    /** {@return the accessor of {@code ResourceLoaderParams} that gives the argument} */
    public String accessor() {
      return accessor;
    }
  }

  /**
   * The loader argument {@code parameter} receives: a {@code Cancellation}, or a {@code
   * ResourceSnapshot} that can hold one of {@code valueType} ({@code ResourceSnapshot<T>}, {@code
   * ResourceSnapshot<?>}); empty for any other type.
   */
  public Optional<LoaderArgument> loaderArgument(TypeMirror valueType, TypeMirror parameter) {
    TypeElement cancellation = elements.getTypeElement(CANCELLATION);
    if (cancellation != null && types.isSameType(parameter, cancellation.asType())) {
      return Optional.of(LoaderArgument.CANCELLATION);
    }
    TypeElement snapshot = elements.getTypeElement(RESOURCE_SNAPSHOT);
    if (snapshot != null
        && parameter.getKind() == TypeKind.DECLARED
        && types.isSameType(types.erasure(parameter), types.erasure(snapshot.asType()))
        && !((DeclaredType) parameter).getTypeArguments().isEmpty()
        && types.isAssignable(types.getDeclaredType(snapshot, valueType), parameter)) {
      return Optional.of(LoaderArgument.PREVIOUS);
    }
    return Optional.empty();
  }

  /** {@code userResource} for {@code user}: the generated accessor of the resource. */
  public static String resourceAccessorName(ExecutableElement method) {
    return method.getSimpleName() + "Resource";
  }

  /** Whether {@code method} is {@code @Derived} and returns a {@code CompletionStage}. */
  public boolean isAsync(ExecutableElement method) {
    return ReactiveClass.roleOf(method) == MethodRole.DERIVED
        && returnsStage(method.getReturnType());
  }

  /** Whether {@code type} is {@code CompletionStage} or one of its subtypes. */
  public boolean returnsStage(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && types.isSubtype(types.erasure(type), types.erasure(completionStage().asType()));
  }

  /**
   * The value type {@code T} of a stage type: the type argument {@code CompletionStage<T>} has as
   * a supertype of {@code stageType}; the bound of {@code ? extends T}; {@code Object} for a raw
   * type, {@code ?} or {@code ? super X}.
   */
  public TypeMirror valueType(TypeMirror stageType) {
    Optional<DeclaredType> stage = asCompletionStage(stageType);
    TypeMirror object = elements.getTypeElement("java.lang.Object").asType();
    if (stage.isEmpty() || stage.get().getTypeArguments().isEmpty()) {
      return object;
    }
    TypeMirror argument = stage.get().getTypeArguments().get(0);
    if (argument.getKind() == TypeKind.WILDCARD) {
      TypeMirror upper = ((WildcardType) argument).getExtendsBound();
      return upper == null ? object : upper;
    }
    return argument;
  }

  /**
   * Whether the generated override can return its stage (a {@code CompletableFuture<T>}) where
   * the method returns {@code stageType}: true for {@code CompletionStage<T>} and {@code
   * CompletableFuture<T>}, false for other implementations.
   */
  public boolean acceptsCompletableFuture(TypeMirror stageType) {
    TypeElement future = elements.getTypeElement(COMPLETABLE_FUTURE);
    DeclaredType futureOfValue = types.getDeclaredType(future, valueType(stageType));
    return types.isAssignable(futureOfValue, stageType);
  }

  private Optional<DeclaredType> asCompletionStage(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(COMPLETION_STAGE)) {
      return Optional.of(declared);
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      Optional<DeclaredType> found = asCompletionStage(supertype);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private TypeElement completionStage() {
    return elements.getTypeElement(COMPLETION_STAGE);
  }
}
