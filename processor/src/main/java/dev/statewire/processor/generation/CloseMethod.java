package dev.statewire.processor.generation;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.statewire.processor.analysis.OverrideKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.ElementFilter;

/**
 * The generated {@code close()} of {@code ReactiveObject}: it acts once; it runs the annotated
 * class's own {@code close()} first, while the instance is still open (as an action if it
 * writes fields), then closes the tasks, the effects and the resources, also if the user's
 * {@code close()} threw.
 */
final class CloseMethod {
  private final GenerationTarget target;
  private final MethodOverrides overrides;
  private final BackgroundMembers background;
  private final AsyncDerivedMembers asyncDerived;

  CloseMethod(
      GenerationTarget target,
      MethodOverrides overrides,
      BackgroundMembers background,
      AsyncDerivedMembers asyncDerived) {
    this.target = target;
    this.overrides = overrides;
    this.background = background;
    this.asyncDerived = asyncDerived;
  }

  /** The {@code close()} the annotated class has (declared or inherited), if the subclass can call it. */
  static Optional<ExecutableElement> userClose(GenerationTarget target) {
    return ElementFilter.methodsIn(target.elements().getAllMembers(target.type())).stream()
        .filter(m -> m.getSimpleName().contentEquals("close") && m.getParameters().isEmpty())
        .filter(m -> OverrideKind.isOverridable(target.model(), m, target.elements()))
        .findFirst();
  }

  /**
   * {@code close()}: once only; first the annotated class's own {@code close()} while the
   * instance is still open (as an action if it writes fields), then the generated machinery.
   */
  MethodSpec build(Optional<ExecutableElement> userClose) {
    MethodSpec.Builder close =
        MethodSpec.methodBuilder("close")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC);
    close.beginControlFlow("if (!$N.beginClose())", target.names().core());
    close.addStatement("return");
    close.endControlFlow();
    CodeBlock.Builder machinery = CodeBlock.builder();
    List<String> steps = new ArrayList<>();
    if (background.present()) {
      machinery.add(background.closeStatement());
      steps.add(background.closeJavadoc());
    }
    machinery.addStatement("$N.close()", target.names().core());
    steps.add("stops its effects");
    if (asyncDerived.present()) {
      machinery.add(asyncDerived.closeStatements());
      steps.add(asyncDerived.closeJavadoc());
    }
    String closesMachinery = String.join(", ", steps.subList(0, steps.size() - 1))
        + (steps.size() > 1 ? " and " : "") + steps.get(steps.size() - 1);
    if (userClose.isPresent()) {
      close.beginControlFlow("try");
      close.addCode(userCloseCall(userClose.get()));
      close.nextControlFlow("finally");
      close.addCode(machinery.build());
      close.endControlFlow();
      close.addJavadoc(
          "$L",
          JavadocText.wrap(
              "Runs {@link " + target.sourceName() + "#close()} while this instance is still"
                  + " open (its writes are committed, its actions run), then "
                  + closesMachinery + ", even if it threw (its exception then passes through"
                  + " unchanged). Only the first call does anything; afterwards the fields stay"
                  + " readable and actions and lock blocks throw {@link "
                  + RuntimeNames.CLOSED.canonicalName() + "}."));
    } else {
      close.addCode(machinery.build());
      close.addJavadoc(
          "$L",
          JavadocText.wrap(
              capitalized(closesMachinery) + ". Only the first call does anything; afterwards"
                  + " the fields stay readable and actions and lock blocks throw {@link "
                  + RuntimeNames.CLOSED.canonicalName() + "}."));
    }
    return close.build();
  }

  /**
   * The call of the annotated class's {@code close()}: an action if it writes fields; with
   * its checked exceptions passed through ({@code ReactiveObject.close()} declares none).
   */
  private CodeBlock userCloseCall(ExecutableElement method) {
    OverrideKind kind =
        target.model().methods().contains(method)
            ? OverrideKind.of(target.analysis(), method, target.elements(), target.types())
            : OverrideKind.NONE;
    CodeBlock call =
        kind == OverrideKind.ACTION
            ? CodeBlock.of("$N.runAction(() -> super.close())", target.names().core())
            : CodeBlock.of("super.close()");
    if (overrides.declaresCheckedExceptions(method)) {
      call = CodeBlock.of("$T.runPassingThrough(() -> $L)", RuntimeNames.STATE_CORE, call);
    }
    return CodeBlock.of("$L;\n", call);
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
