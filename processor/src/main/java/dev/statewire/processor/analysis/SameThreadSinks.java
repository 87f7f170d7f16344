package dev.statewire.processor.analysis;

import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * JDK and Statewire methods that run the lambda passed to them on the calling thread, before
 * they return ({@code list.forEach}, {@code map.computeIfAbsent}, {@code Optional.ifPresent},
 * {@code Statewire.batch}): inside a lock block such a lambda runs under the lock (Error Prone's
 * {@code HeldLockAnalyzer} keeps a list like this one). Stream operations count when the
 * pipeline they are part of ends in a terminal operation in the same expression; an
 * intermediate operation whose stream escapes runs its lambda later.
 */
final class SameThreadSinks {
  private static final String BASE_STREAM = "java.util.stream.BaseStream";
  private static final Map<String, Set<String>> SINKS =
      Map.ofEntries(
          Map.entry("java.lang.Iterable", Set.of("forEach")),
          Map.entry("java.util.Iterator", Set.of("forEachRemaining")),
          Map.entry("java.util.Collection", Set.of("removeIf")),
          Map.entry("java.util.List", Set.of("replaceAll", "sort")),
          Map.entry(
              "java.util.Map",
              Set.of("forEach", "computeIfAbsent", "computeIfPresent", "compute", "merge",
                  "replaceAll")),
          Map.entry(
              "java.util.Optional",
              Set.of("ifPresent", "ifPresentOrElse", "map", "flatMap", "filter", "or",
                  "orElseGet", "orElseThrow")),
          Map.entry("java.util.OptionalInt", Set.of("ifPresent", "ifPresentOrElse", "orElseGet")),
          Map.entry("java.util.OptionalLong", Set.of("ifPresent", "ifPresentOrElse", "orElseGet")),
          Map.entry(
              "java.util.OptionalDouble", Set.of("ifPresent", "ifPresentOrElse", "orElseGet")),
          Map.entry("java.util.Collections", Set.of("sort")),
          Map.entry("java.util.Arrays", Set.of("sort", "setAll")),
          Map.entry("dev.statewire.Statewire", Set.of("batch", "untracked")));
  /** Methods of a stream that return a non-stream value but do not run the pipeline. */
  private static final Set<String> LAZY_ESCAPES = Set.of("iterator", "spliterator", "onClose");

  private final Elements elements;
  private final Types types;

  SameThreadSinks(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** {@code method} runs the lambdas passed to it before it returns. */
  boolean runsInPlace(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String name = method.getSimpleName().toString();
    for (Map.Entry<String, Set<String>> entry : SINKS.entrySet()) {
      if (entry.getValue().contains(name) && isSubtype(owner.asType(), entry.getKey())) {
        return true;
      }
    }
    return false;
  }

  /** {@code method} is an operation of a stream (a pipeline stage or its terminal operation). */
  boolean isStreamOperation(ExecutableElement method) {
    return isSubtype(method.getEnclosingElement().asType(), BASE_STREAM);
  }

  /** {@code method}, an operation of a stream, runs the pipeline (returns no stream). */
  boolean isTerminal(ExecutableElement method) {
    TypeMirror returned = method.getReturnType();
    boolean returnsStream =
        returned.getKind() == TypeKind.DECLARED && isSubtype(returned, BASE_STREAM);
    return !returnsStream && !LAZY_ESCAPES.contains(method.getSimpleName().toString());
  }

  private boolean isSubtype(TypeMirror type, String knownName) {
    TypeElement known = elements.getTypeElement(knownName);
    return known != null && types.isSubtype(types.erasure(type), types.erasure(known.asType()));
  }
}
