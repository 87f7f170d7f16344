package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Everything the processor knows about one {@code @Reactive} class before reading method bodies.
 *
 * @param element the annotated class
 * @param hierarchy the class and its superclasses up to the topmost {@code @Reactive} one, most
 *     derived first; their methods may touch reactive fields
 * @param fields the reactive fields of every {@code @Reactive} class of the hierarchy
 * @param methods the methods a virtual call on {@code this} can reach: each method of the
 *     hierarchy, minus those overridden lower down, in declaration order (subclass first)
 * @param overriddenMethods the methods of the hierarchy overridden lower down, which only
 *     {@code super.m()} calls reach
 * @param generatedName the name of the generated subclass
 */
public record ReactiveClass(
    TypeElement element,
    List<TypeElement> hierarchy,
    List<ReactiveField> fields,
    List<ExecutableElement> methods,
    List<ExecutableElement> overriddenMethods,
    ClassName generatedName) {

  /** The role the Statewire annotations give {@code method}. */
  public static MethodRole roleOf(ExecutableElement method) {
    if (StatewireAnnotations.isPresent(method, StatewireAnnotations.DERIVED)) {
      return MethodRole.DERIVED;
    }
    if (StatewireAnnotations.isPresent(method, StatewireAnnotations.EFFECT)) {
      return MethodRole.EFFECT;
    }
    if (StatewireAnnotations.isPresent(method, StatewireAnnotations.BACKGROUND)) {
      return MethodRole.BACKGROUND;
    }
    return MethodRole.PLAIN;
  }

  /** The reactive field declared by {@code element}, if it is one. */
  public Optional<ReactiveField> field(Element element) {
    return fields.stream().filter(f -> f.element().equals(element)).findFirst();
  }

  /** The class is abstract: it is a base for {@code @Reactive} subclasses, nothing is generated. */
  public boolean isAbstract() {
    return element.getModifiers().contains(Modifier.ABSTRACT);
  }
}
