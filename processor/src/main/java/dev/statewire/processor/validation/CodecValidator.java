package dev.statewire.processor.validation;

import dev.statewire.processor.model.CodecPlan;
import dev.statewire.processor.model.FieldCodecs;
import dev.statewire.processor.model.ModelCollector;
import dev.statewire.processor.model.Persistence;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import dev.statewire.processor.model.StatewireAnnotations;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Step 3: the codecs of persisted fields. A class meant for a store ({@code @Reactive(stored =
 * true)}) needs one for every reactive field that is not transient (SW501); a class that
 * {@code @Codec} names must be one the generated class can create (SW502); {@code @Codec} on a
 * field no store persists is a mistake (SW503).
 */
public final class CodecValidator {
  private final Diagnostics diagnostics;
  private final Elements elements;
  private final FieldCodecs codecs;

  public CodecValidator(Diagnostics diagnostics, Elements elements, FieldCodecs codecs) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.codecs = codecs;
  }

  /** SW501, SW502, SW503 for the fields of {@code model}. */
  public void validate(ReactiveClass model) {
    TypeElement type = model.element();
    boolean stored = Persistence.isStored(type);
    for (ReactiveField field : model.fields()) {
      boolean declaredHere = field.declaringClass().equals(type);
      Optional<TypeMirror> declared = FieldCodecs.declaredCodec(field.element());
      if (declaredHere && declared.isPresent()) {
        validateDeclared(model, field, declared.get());
      } else if (stored && Persistence.isPersisted(field)) {
        validateHasCodec(model, field, declaredHere);
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (!ModelCollector.isReactiveField(field)) {
        reportUnused(field);
      }
    }
  }

  /** SW503 for {@code @Codec} on fields of classes that are not {@code @Reactive}. */
  public void validateOutsideReactiveClasses(RoundEnvironment round) {
    TypeElement codec = elements.getTypeElement(StatewireAnnotations.CODEC);
    if (codec == null) {
      return;
    }
    for (VariableElement field : ElementFilter.fieldsIn(round.getElementsAnnotatedWith(codec))) {
      Element owner = field.getEnclosingElement();
      if (!StatewireAnnotations.isPresent(owner, StatewireAnnotations.REACTIVE)) {
        reportUnused(field);
      }
    }
  }

  private void validateDeclared(ReactiveClass model, ReactiveField field, TypeMirror codec) {
    if (!Persistence.isPersisted(field)) {
      reportUnused(field.element());
      return;
    }
    if (codec.getKind() == TypeKind.ERROR) {
      return; // javac reports the missing class
    }
    codecs
        .declaredCodecProblem(model, field, codec)
        .ifPresent(
            problem ->
                diagnostics.error(
                    field.element(),
                    Messages.badCodecClass(
                        codecName(codec),
                        field.name(),
                        owner(field),
                        field.type().toString(),
                        problem)));
  }

  /**
   * SW501 for a field with no codec: at the field if the class declares it; at the class if it
   * inherits it from a class that is not stored itself (a stored one reports it at home).
   */
  private void validateHasCodec(ReactiveClass model, ReactiveField field, boolean declaredHere) {
    if (!(codecs.planFor(model, field) instanceof CodecPlan.None none)) {
      return;
    }
    String type = field.type().toString();
    if (declaredHere) {
      diagnostics.error(
          field.element(), Messages.missingCodec(field.name(), owner(field), type, none.reason()));
    } else if (!Persistence.isStored(field.declaringClass())) {
      diagnostics.error(
          model.element(),
          Messages.missingInheritedCodec(
              field.name(),
              owner(field),
              model.element().getSimpleName().toString(),
              type,
              none.reason()));
    }
  }

  private void reportUnused(VariableElement field) {
    if (!StatewireAnnotations.isPresent(field, StatewireAnnotations.CODEC)) {
      return;
    }
    var modifiers = field.getModifiers();
    String why;
    if (!StatewireAnnotations.isPresent(
        field.getEnclosingElement(), StatewireAnnotations.REACTIVE)) {
      why = "is not in a @Reactive class";
    } else if (modifiers.contains(Modifier.STATIC)) {
      why = "is static";
    } else if (modifiers.contains(Modifier.FINAL)) {
      why = "is final";
    } else {
      why = "is transient";
    }
    diagnostics.error(
        field,
        Messages.unusedCodec(
            field.getSimpleName().toString(),
            field.getEnclosingElement().getSimpleName().toString(),
            why));
  }

  private static String owner(ReactiveField field) {
    return field.declaringClass().getSimpleName().toString();
  }

  private static String codecName(TypeMirror codec) {
    return codec.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) codec).asElement().getSimpleName().toString()
        : codec.toString();
  }
}
