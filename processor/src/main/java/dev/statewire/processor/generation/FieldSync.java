package dev.statewire.processor.generation;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.statewire.processor.model.ReactiveField;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The methods that move values between the plain fields and their signals: publish the changed
 * fields at commit, restore them at rollback, and detect writes made behind the processor's back
 * when a session begins.
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
      String signal = target.names().signal(field.element());
      verify.beginControlFlow("if ($L)", differs(field, signal));
      verify.addStatement("$N()", target.names().restore());
      verify.addStatement(
          "throw new $T($S, $S)", RuntimeNames.STATE_MUTATION, target.displayName(), field.name());
      verify.endControlFlow();
    }
    return verify.build();
  }

  MethodSpec commitMethod() {
    MethodSpec.Builder commit =
        MethodSpec.methodBuilder(target.names().commit())
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Publishes each field that differs from its committed value; runs once"
                        + " when the outermost action or lock block ends."));
    for (ReactiveField field : target.model().fields()) {
      String signal = target.names().signal(field.element());
      commit.beginControlFlow("if ($L)", differs(field, signal));
      commit.addStatement("$N.set($L)", signal, target.field(field));
      commit.endControlFlow();
    }
    return commit.build();
  }

  private CodeBlock differs(ReactiveField field, String signal) {
    CodeBlock value = target.field(field);
    switch (field.type().getKind()) {
      case DOUBLE:
        return CodeBlock.of("$T.compare($L, $N.peek()) != 0", Double.class, value, signal);
      case FLOAT:
        return CodeBlock.of("$T.compare($L, $N.peek()) != 0", Float.class, value, signal);
      default:
        return field.type().getKind().isPrimitive()
            ? CodeBlock.of("$L != $N.peek()", value, signal)
            : CodeBlock.of("!$T.equals($L, $N.peek())", Objects.class, value, signal);
    }
  }

  MethodSpec rollbackMethod() {
    MethodSpec.Builder rollback =
        MethodSpec.methodBuilder(target.names().restore())
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                "$L",
                JavadocText.wrap(
                    "Restores every field to its committed value; runs when the outermost"
                        + " action or lock block throws."));
    for (ReactiveField field : target.model().fields()) {
      rollback.addStatement("$L = $N.peek()", target.field(field), target.names().signal(field.element()));
    }
    return rollback.build();
  }
}
