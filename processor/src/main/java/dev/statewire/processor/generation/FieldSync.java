package dev.statewire.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.statewire.processor.model.ReactiveField;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The methods that move values between the plain fields and their signals: hand the changed
 * fields over at commit (the context publishes them all at once), restore them at rollback, save
 * and restore them for the savepoint of a nested action, and detect writes made behind the
 * processor's back when a session begins.
 */
final class FieldSync {
  private final GenerationTarget target;

  FieldSync(GenerationTarget target) {
    this.target = target;
  }

  MethodSpec verifyMethod() {
    MethodSpec.Builder verify =
        MethodSpec.methodBuilder(target.names().verify())
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Fails if a field was changed outside any action or lock block (by"
                        + " reflection, or by code compiled without the processor), after"
                        + " restoring the fields; runs when a lock session on this instance"
                        + " begins."));
    for (ReactiveField field : target.model().fields()) {
      verify.beginControlFlow("if ($L)", differsFromCommitted(field));
      verify.addStatement("$N()", target.names().restoreMutated());
      verify.addStatement(
          "throw new $T($S, $S)", RuntimeNames.STATE_MUTATION, target.displayName(), field.name());
      verify.endControlFlow();
    }
    return verify.build();
  }

  /**
   * Whether the commit method cannot throw: every field is an {@code int}, {@code long}, {@code
   * double} or {@code boolean}, compared by value and handed to its unboxed signal, so nothing
   * in it calls user code or allocates. The context may then publish each write at once.
   */
  boolean commitCannotFail() {
    return target.model().fields().stream()
        .allMatch(field -> SignalKind.of(field.type()) != SignalKind.BOXED);
  }

  MethodSpec commitMethod() {
    String failure =
        commitCannotFail()
            ? " Its comparisons are of primitive values and cannot throw."
            : " If a comparison throws, nothing is published and the fields roll back.";
    MethodSpec.Builder commit =
        MethodSpec.methodBuilder(target.names().commit())
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Hands each field that differs from its committed value over for"
                        + " publishing, and keeps it as the committed value; runs once when the"
                        + " outermost action or lock block ends." + failure));
    for (ReactiveField field : target.model().fields()) {
      String signal = target.names().signal(field.element());
      commit.beginControlFlow("if ($L)", differsFromCommitted(field));
      commit.addStatement(
          "$N.publish($N, $L)", target.names().core(), signal, target.field(field));
      commit.addStatement("$N = $L", target.names().committed(field.element()), target.field(field));
      commit.endControlFlow();
    }
    return commit.build();
  }

  MethodSpec restoreMutatedMethod() {
    MethodSpec.Builder restore =
        MethodSpec.methodBuilder(target.names().restoreMutated())
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Restores each field that is not its committed value, and makes what may"
                        + " have read the field's wrong value (a computed value evaluated"
                        + " meanwhile) read it again."));
    for (ReactiveField field : target.model().fields()) {
      String signal = target.names().signal(field.element());
      restore.beginControlFlow("if ($L)", notSame(field, signal));
      restore.addStatement("$L = $L", target.field(field), peek(field, signal));
      restore.addStatement("$N.markChanged()", signal);
      restore.endControlFlow();
    }
    return restore.build();
  }

  MethodSpec savepointMethod() {
    CodeBlock values =
        target.model().fields().stream().map(target::field).collect(CodeBlock.joining(", "));
    return MethodSpec.methodBuilder(target.names().savepoint())
        .addModifiers(Modifier.PRIVATE)
        .returns(ArrayTypeName.of(Object.class))
        .addJavadoc(
            "$L",
            JavadocText.wrap(
                "The fields as they are when a nested action starts: its savepoint, restored if"
                    + " it throws."))
        .addStatement("return new $T[] {$L}", Object.class, values)
        .build();
  }

  MethodSpec restoreSavepointMethod() {
    String saved = target.names().savedValues();
    MethodSpec.Builder restore =
        MethodSpec.methodBuilder(target.names().restoreSavepoint())
            .addModifiers(Modifier.PRIVATE)
            .addAnnotation(
                AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked")
                    .build())
            .addParameter(ArrayTypeName.of(Object.class), saved)
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Sets the fields back to a savepoint: the nested action that took it threw."));
    int index = 0;
    for (ReactiveField field : target.model().fields()) {
      restore.addStatement(
          "$L = ($T) $N[$L]", target.field(field), TypeName.get(field.type()), saved, index++);
    }
    return restore.build();
  }

  /** Whether the field is not its signal's value, by identity: this cannot throw. */
  private CodeBlock notSame(ReactiveField field, String signal) {
    switch (field.type().getKind()) {
      case DOUBLE:
      case FLOAT:
        return differs(field, signal);
      default:
        return CodeBlock.of("$L != $L", target.field(field), peek(field, signal));
    }
  }

  private CodeBlock differs(ReactiveField field, String signal) {
    return differs(field, peek(field, signal));
  }

  /** The signal's value, read without boxing where the signal holds a primitive. */
  private static CodeBlock peek(ReactiveField field, String signal) {
    return CodeBlock.of("$N.$N()", signal, SignalKind.of(field.type()).peek());
  }

  /** Whether the field is not its committed value, compared with the field's plain copy. */
  private CodeBlock differsFromCommitted(ReactiveField field) {
    return differs(field, CodeBlock.of("$N", target.names().committed(field.element())));
  }

  /** Whether the field is not {@code committed}: primitives by value, objects by equals. */
  private CodeBlock differs(ReactiveField field, CodeBlock committed) {
    CodeBlock value = target.field(field);
    switch (field.type().getKind()) {
      case DOUBLE:
        return CodeBlock.of("$T.compare($L, $L) != 0", Double.class, value, committed);
      case FLOAT:
        return CodeBlock.of("$T.compare($L, $L) != 0", Float.class, value, committed);
      default:
        return field.type().getKind().isPrimitive()
            ? CodeBlock.of("$L != $L", value, committed)
            : CodeBlock.of("!$T.equals($L, $L)", Objects.class, value, committed);
    }
  }

  MethodSpec rollbackMethod() {
    MethodSpec.Builder rollback =
        MethodSpec.methodBuilder(target.names().restore())
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Restores every field (and its plain copy of the committed value) to its"
                        + " signal's value; runs when the outermost action or lock block throws,"
                        + " or a commit fails."));
    for (ReactiveField field : target.model().fields()) {
      rollback.addStatement(
          "$L = $L", target.field(field), peek(field, target.names().signal(field.element())));
      rollback.addStatement("$N = $L", target.names().committed(field.element()), target.field(field));
    }
    return rollback.build();
  }
}
