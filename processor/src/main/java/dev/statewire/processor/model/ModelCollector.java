package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Step 1: collects the {@link ReactiveClass} model of a {@code @Reactive} class from its elements. */
public final class ModelCollector {
  private final Elements elements;
  private final Types types;

  public ModelCollector(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The model of {@code type}, which carries {@code @Reactive}. */
  public ReactiveClass collect(TypeElement type) {
    List<TypeElement> hierarchy = hierarchyOf(type);
    List<ExecutableElement> methods = new ArrayList<>();
    List<ExecutableElement> overridden = new ArrayList<>();
    for (TypeElement declaring : hierarchy) {
      for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
        boolean isOverridden =
            methods.stream().anyMatch(lower -> elements.overrides(lower, method, type));
        (isOverridden ? overridden : methods).add(method);
      }
    }
    return new ReactiveClass(
        type,
        hierarchy,
        fieldsOf(type, hierarchy),
        List.copyOf(methods),
        List.copyOf(overridden),
        generatedName(type));
  }

  /** {@code type} and its superclasses up to the topmost {@code @Reactive} one, most derived first. */
  private static List<TypeElement> hierarchyOf(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    int topmostReactive = 0;
    for (TypeElement current = type; current != null; current = superclassOf(current)) {
      chain.add(current);
      if (StatewireAnnotations.isPresent(current, StatewireAnnotations.REACTIVE)) {
        topmostReactive = chain.size();
      }
    }
    return List.copyOf(chain.subList(0, topmostReactive));
  }

  /** The superclass of {@code type}, or null for {@code Object} and interfaces. */
  static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    return (TypeElement) ((DeclaredType) superclass).asElement();
  }

  /** The reactive fields of the hierarchy, topmost class first, each in declaration order. */
  private List<ReactiveField> fieldsOf(TypeElement type, List<TypeElement> hierarchy) {
    DeclaredType seenFrom = (DeclaredType) type.asType();
    Deque<ReactiveField> fields = new ArrayDeque<>();
    for (TypeElement declaring : hierarchy) {
      if (!StatewireAnnotations.isPresent(declaring, StatewireAnnotations.REACTIVE)) {
        continue;
      }
      List<VariableElement> declared = ElementFilter.fieldsIn(declaring.getEnclosedElements());
      for (int i = declared.size() - 1; i >= 0; i--) {
        VariableElement field = declared.get(i);
        if (isReactiveField(field)) {
          fields.addFirst(new ReactiveField(field, types.asMemberOf(seenFrom, field)));
        }
      }
    }
    return List.copyOf(fields);
  }

  /** Every non-static, non-final instance field of a {@code @Reactive} class is reactive. */
  public static boolean isReactiveField(Element element) {
    return element.getKind() == ElementKind.FIELD
        && !element.getModifiers().contains(Modifier.STATIC)
        && !element.getModifiers().contains(Modifier.FINAL)
        && StatewireAnnotations.isPresent(
            element.getEnclosingElement(), StatewireAnnotations.REACTIVE);
  }

  /** {@code ReactiveX} for a top-level {@code X}, {@code ReactiveOuter_Inner} for a nested one. */
  public ClassName generatedName(TypeElement type) {
    Deque<String> names = new ArrayDeque<>();
    Element current = type;
    while (current instanceof TypeElement) {
      names.addFirst(current.getSimpleName().toString());
      current = current.getEnclosingElement();
    }
    while (!(current instanceof PackageElement)) {
      current = current.getEnclosingElement();
    }
    String packageName = ((PackageElement) current).getQualifiedName().toString();
    return ClassName.get(packageName, "Reactive" + String.join("_", names));
  }
}
