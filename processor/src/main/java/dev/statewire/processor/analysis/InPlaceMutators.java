package dev.statewire.processor.analysis;

import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Recognises calls that change a collection or array in place: the mutators of {@code
 * java.util.Collection} and {@code java.util.Map} (and their subtypes) called on the collection,
 * and the static helpers of {@code Arrays}, {@code Collections} and {@code System.arraycopy} that
 * change the array or list passed to them. Statewire's own {@code ReactiveList}, {@code
 * ReactiveMap} and {@code ReactiveSet} track their changes and are not reported.
 */
final class InPlaceMutators {
  private static final Set<String> COLLECTION_MUTATORS =
      Set.of(
          "add", "addAll", "addFirst", "addLast", "remove", "removeAll", "removeIf", "retainAll",
          "clear", "set", "sort", "replaceAll", "put", "putAll", "putIfAbsent", "compute",
          "computeIfAbsent", "computeIfPresent", "merge", "replace", "offer", "offerFirst",
          "offerLast", "poll", "pollFirst", "pollLast", "push", "pop", "removeFirst",
          "removeLast", "setValue");
  private static final Set<String> MUTABLE_CONTAINERS = Set.of("java.util.Collection", "java.util.Map");
  private static final Set<String> VIEW_TYPES =
      Set.of("java.util.Collection", "java.util.Map", "java.util.Iterator", "java.util.Map.Entry");
  private static final Set<String> TRACKING_CONTAINERS =
      Set.of("dev.statewire.ReactiveList", "dev.statewire.ReactiveMap", "dev.statewire.ReactiveSet");
  /** Static helpers, with the index of the argument they change. */
  private static final Map<String, Map<String, Integer>> STATIC_MUTATORS =
      Map.of(
          "java.util.Arrays",
          Map.of("fill", 0, "sort", 0, "parallelSort", 0, "setAll", 0, "parallelSetAll", 0,
              "parallelPrefix", 0),
          "java.util.Collections",
          Map.of("sort", 0, "shuffle", 0, "reverse", 0, "swap", 0, "fill", 0, "rotate", 0,
              "addAll", 0, "copy", 0),
          "java.lang.System",
          Map.of("arraycopy", 2));

  private final Elements elements;
  private final Types types;

  InPlaceMutators(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** {@code method}, called on a value of type {@code receiver}, changes that value. */
  boolean mutatesReceiver(ExecutableElement method, TypeMirror receiver) {
    if (!COLLECTION_MUTATORS.contains(method.getSimpleName().toString())
        || isTracking(receiver)) {
      return false;
    }
    TypeMirror owner = types.erasure(method.getEnclosingElement().asType());
    return MUTABLE_CONTAINERS.stream()
        .map(elements::getTypeElement)
        .anyMatch(t -> t != null && types.isSubtype(owner, types.erasure(t.asType())));
  }

  /**
   * {@code method}, called on a view of a collection (an iterator, a sub-list, a key set),
   * changes the collection behind it.
   */
  boolean mutatesView(ExecutableElement method) {
    if (!COLLECTION_MUTATORS.contains(method.getSimpleName().toString())) {
      return false;
    }
    TypeMirror owner = types.erasure(method.getEnclosingElement().asType());
    return VIEW_TYPES.stream()
        .map(elements::getTypeElement)
        .anyMatch(t -> t != null && types.isSubtype(owner, types.erasure(t.asType())));
  }

  /** The index of the argument the static {@code method} changes, or -1. */
  int mutatedArgument(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    Map<String, Integer> helpers = STATIC_MUTATORS.get(owner.getQualifiedName().toString());
    return helpers == null ? -1 : helpers.getOrDefault(method.getSimpleName().toString(), -1);
  }

  /** Values of {@code type} track their own changes: nothing to report. */
  boolean isTracking(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    return TRACKING_CONTAINERS.stream()
        .map(elements::getTypeElement)
        .anyMatch(t -> t != null && types.isSubtype(erased, types.erasure(t.asType())));
  }
}
