package dev.statewire.processor.generation;

import static dev.statewire.processor.generation.MemberNames.CORE;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import dev.statewire.processor.model.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step 4: builds the source of {@code ReactiveX} with JavaPoet: the class, its signals and
 * computed values, its constructors and the {@code ReactiveObject} methods. The overrides come
 * from {@link MethodOverrides}, the commit / rollback methods from {@link FieldSync}. The
 * Javadoc written into the generated class explains each member to readers in the IDE.
 */
public final class ReactiveClassGenerator {
  static final String PROCESSOR = "dev.statewire.processor.StatewireProcessor";

  private final Elements elements;
  private final Types types;

  public ReactiveClassGenerator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The generated source for the analysed class. */
  public JavaFile generate(ClassAnalysis analysis) {
    return new Generation(GenerationTarget.of(analysis, elements, types)).build();
  }

  /** The generation of one class; holds what its members share. */
  private static final class Generation {
    private final GenerationTarget target;
    private final ReactiveClass model;
    private final MethodOverrides overrides;
    private final FieldSync fieldSync;
    private final BackgroundMembers background;
    private final AsyncDerivedMembers asyncDerived;
    /** A {@code close()} of the annotated class, which the generated {@code close()} calls. */
    private final Optional<ExecutableElement> userClose;
    private final TypeSpec.Builder builder;
    /** Statements of the constructors, given the name of their context parameter. */
    private final List<Function<String, CodeBlock>> constructionSteps = new ArrayList<>();

    Generation(GenerationTarget target) {
      this.target = target;
      this.model = target.model();
      this.overrides = new MethodOverrides(target);
      this.fieldSync = new FieldSync(target);
      this.background = new BackgroundMembers(target);
      this.asyncDerived = new AsyncDerivedMembers(target);
      this.userClose =
          model.methods().stream()
              .filter(m -> m.getSimpleName().contentEquals("close") && m.getParameters().isEmpty())
              .filter(m -> OverrideKind.isOverridable(model, m, target.elements()))
              .findFirst();
      this.builder = TypeSpec.classBuilder(model.generatedName());
    }

    JavaFile build() {
      builder
          .addOriginatingElement(target.type())
          .addJavadoc("$L", classJavadoc())
          .addAnnotation(
              AnnotationSpec.builder(RuntimeNames.GENERATED)
                  .addMember("value", "$S", PROCESSOR)
                  .build())
          .addAnnotation(RuntimeNames.STATEWIRE_GENERATED)
          .superclass(TypeName.get(target.declared()))
          .addSuperinterface(RuntimeNames.REACTIVE_OBJECT);
      if (target.type().getModifiers().contains(Modifier.PUBLIC)) {
        builder.addModifiers(Modifier.PUBLIC);
      }
      builder.addModifiers(Modifier.FINAL);
      target.type().getTypeParameters()
          .forEach(p -> builder.addTypeVariable(TypeVariableName.get(p)));

      addCore();
      model.fields().forEach(this::addSignal);
      if (background.present()) {
        builder.addField(background.tasksField());
        constructionSteps.add(background::construction);
      }
      List<MethodSpec> methodOverrides = new ArrayList<>();
      List<MethodSpec> helpers = new ArrayList<>();
      for (ExecutableElement method : model.methods()) {
        if (userClose.filter(method::equals).isPresent()) {
          continue;
        }
        OverrideKind kind = OverrideKind.of(target.analysis(), method, target.elements(), target.types());
        if (kind == OverrideKind.DERIVED) {
          addComputed(method);
          helpers.add(overrides.derivedCompute(method));
        }
        if (kind != OverrideKind.NONE) {
          methodOverrides.add(overrides.override(method, kind));
        }
        if (kind == OverrideKind.BACKGROUND) {
          helpers.add(background.startMethod(method));
        }
        if (isEffect(method)) {
          helpers.add(overrides.effectBody(method));
        }
      }
      if (asyncDerived.present()) {
        builder.addFields(asyncDerived.fields());
        constructionSteps.add(asyncDerived::construction);
        helpers.addAll(asyncDerived.methods());
      }
      addConstructors();
      builder.addMethod(reactiveContextMethod());
      builder.addMethod(reactiveTransactionMethod());
      builder.addMethod(closeMethod());
      if (background.present()) {
        builder.addMethod(background.runningTasksMethod());
      }
      builder.addMethods(methodOverrides);
      builder.addMethods(helpers);
      builder.addMethod(fieldSync.verifyMethod());
      builder.addMethod(fieldSync.commitMethod());
      builder.addMethod(fieldSync.rollbackMethod());
      builder.addMethod(fieldSync.restoreMutatedMethod());
      builder.addMethod(fieldSync.savepointMethod());
      builder.addMethod(fieldSync.restoreSavepointMethod());
      return JavaFile.builder(model.generatedName().packageName(), builder.build())
          .skipJavaLangImports(true)
          .indent("  ")
          .build();
    }

    private boolean isEffect(ExecutableElement method) {
      return ReactiveClass.roleOf(method) == MethodRole.EFFECT
          && OverrideKind.isOverridable(model, method, target.elements());
    }

    private String classJavadoc() {
      return JavadocText.wrap(
          "Reactive state generated from {@link "
              + target.sourceName()
              + "}.\n\n<p>Each reactive field is a signal ("
              + JavadocText.codeList(model.fields().stream().map(ReactiveField::element).toList())
              + "), each {@code @Derived} method a cached computed value"
              + (asyncDerived.present()
                  ? " (one returning a {@code CompletionStage} a {@code Resource}, loaded on the"
                      + " context's executor)"
                  : "")
              + ", each {@code @Effect}"
              + " method an effect started at construction and stopped by {@link #close()}. A"
              + " method that writes fields is an action: it runs under the lock of the"
              + " instance's {@link ReactiveContext} and its changes are committed when the"
              + " outermost action or lock block ends (rolled back if it throws). A method that"
              + " reads fields is a tracked read: called inside a derived value or an effect, the"
              + " caller depends on the fields it reads, and calls into other reactive objects"
              + " are tracked when they run.\n\n<p>Create one with any constructor of {@code "
              + target.sourceName()
              + "}, optionally preceded by the context to place it in (default: {@link"
              + " ReactiveContext#current()}).");
    }

    private void addCore() {
      builder.addField(
          FieldSpec.builder(RuntimeNames.STATE_CORE, CORE, Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "$L",
                  JavadocText.wrap(
                      "The context, the transaction and the effects of this instance."))
              .build());
      constructionSteps.add(
          context ->
              CodeBlock.of(
                  "this.$N =$Wnew $T($N,$W$S,$Wthis::$N,$Wthis::$N,$Wthis::$N,$Wthis::$N,"
                      + "$Wthis::$N);\n",
                  CORE,
                  RuntimeNames.STATE_CORE,
                  context,
                  target.displayName(),
                  MemberNames.VERIFY,
                  MemberNames.COMMIT,
                  MemberNames.ROLLBACK,
                  MemberNames.SAVEPOINT,
                  MemberNames.RESTORE_SAVEPOINT));
    }

    private void addSignal(ReactiveField field) {
      String name = MemberNames.signal(field.element());
      builder.addField(
          FieldSpec.builder(
                  ParameterizedTypeName.get(
                      RuntimeNames.SIGNAL, GenerationTarget.boxed(field.type())),
                  name,
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .addJavadoc(
                  "$L", JavadocText.wrap("The committed value of {@code " + field.name() + "}."))
              .build());
      constructionSteps.add(
          context ->
              CodeBlock.of(
                  "this.$N =$W$N.signal(this.$N).named($S);\n",
                  name,
                  context,
                  field.name(),
                  target.displayName() + "." + field.name()));
    }

    private void addComputed(ExecutableElement method) {
      String name = MemberNames.computed(method);
      builder.addField(
          FieldSpec.builder(
                  ParameterizedTypeName.get(
                      RuntimeNames.COMPUTED, GenerationTarget.boxed(target.returnType(method))),
                  name,
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .addJavadoc(
                  "$L",
                  JavadocText.wrap("The cached value of {@link #" + Signatures.of(method) + "}."))
              .build());
      constructionSteps.add(
          context ->
              CodeBlock.of(
                  "this.$N =$W$N.computed(this::$N).named($S);\n",
                  name,
                  context,
                  MemberNames.compute(method),
                  target.displayName() + "." + Signatures.of(method)));
    }

    /** Two constructors per non-private constructor: in the current context, in a given one. */
    private void addConstructors() {
      List<ExecutableElement> constructors =
          ElementFilter.constructorsIn(target.type().getEnclosedElements()).stream()
              .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE))
              .toList();
      for (ExecutableElement constructor : constructors) {
        List<ParameterSpec> parameters =
            constructor.getParameters().stream().map(ParameterSpec::get).toList();
        String arguments = GenerationTarget.argumentList(constructor);
        String contextName = MemberNames.fresh("context", constructor);
        Modifier[] access = constructorAccess(constructor);

        MethodSpec.Builder inCurrent =
            MethodSpec.constructorBuilder()
                .addModifiers(access)
                .addJavadoc(
                    "$L",
                    JavadocText.wrap(
                        "Creates the state in {@link ReactiveContext#current()}; see "
                            + constructorLink(constructor)
                            + "."))
                .addParameters(parameters)
                .varargs(constructor.isVarArgs())
                .addStatement(
                    "this($T.current()$L)",
                    RuntimeNames.REACTIVE_CONTEXT,
                    arguments.isEmpty() ? "" : ", " + arguments);
        constructor.getThrownTypes().forEach(t -> inCurrent.addException(TypeName.get(t)));
        builder.addMethod(inCurrent.build());

        MethodSpec.Builder inContext =
            MethodSpec.constructorBuilder()
                .addModifiers(access)
                .addJavadoc(
                    "$L",
                    JavadocText.wrap(
                        "Creates the state in {@code "
                            + contextName
                            + "}; see "
                            + constructorLink(constructor)
                            + ". Its effects run once before the constructor returns."))
                .addParameter(RuntimeNames.REACTIVE_CONTEXT, contextName)
                .addParameters(parameters)
                .varargs(constructor.isVarArgs())
                .addStatement("super($L)", arguments);
        constructor.getThrownTypes().forEach(t -> inContext.addException(TypeName.get(t)));
        constructionSteps.forEach(step -> inContext.addCode(step.apply(contextName)));
        inContext.addCode(effectStarts(contextName));
        builder.addMethod(inContext.build());
      }
    }

    /** {@code {@link Outer.X#X(int)}} for a constructor of the annotated class. */
    private String constructorLink(ExecutableElement constructor) {
      return "{@link "
          + target.sourceName()
          + "#"
          + target.displayName()
          + "("
          + constructor.getParameters().stream()
              .map(p -> target.types().erasure(p.asType()).toString())
              .collect(Collectors.joining(", "))
          + ")}";
    }

    /** Public when the class and the constructor are open to other packages, else package-private. */
    private Modifier[] constructorAccess(ExecutableElement constructor) {
      boolean open =
          constructor.getModifiers().contains(Modifier.PUBLIC)
              || constructor.getModifiers().contains(Modifier.PROTECTED);
      return open && target.type().getModifiers().contains(Modifier.PUBLIC)
          ? new Modifier[] {Modifier.PUBLIC}
          : new Modifier[0];
    }

    private CodeBlock effectStarts(String context) {
      CodeBlock.Builder code = CodeBlock.builder();
      for (ExecutableElement method : model.methods()) {
        if (isEffect(method)) {
          code.addStatement(
              "$N.addEffect($N.effect(this::$N).named($S))",
              CORE,
              context,
              MemberNames.effectBody(method),
              target.displayName() + "." + Signatures.of(method));
        }
      }
      return code.build();
    }

    private MethodSpec reactiveContextMethod() {
      return MethodSpec.methodBuilder("reactiveContext")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(RuntimeNames.REACTIVE_CONTEXT)
          .addStatement("return $N.context()", CORE)
          .build();
    }

    private MethodSpec reactiveTransactionMethod() {
      return MethodSpec.methodBuilder("reactiveTransaction")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(RuntimeNames.TRANSACTIONAL)
          .addStatement("return $N", CORE)
          .build();
    }

    private MethodSpec closeMethod() {
      MethodSpec.Builder close =
          MethodSpec.methodBuilder("close")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC);
      String stopsEffects = "Stops the effects of this instance";
      if (background.present()) {
        close.addCode(background.closeStatement());
        stopsEffects = background.closeJavadoc() + "stops the effects of this instance";
      }
      close.addStatement("$N.close()", CORE);
      if (asyncDerived.present()) {
        close.addCode(asyncDerived.closeStatements());
        stopsEffects += asyncDerived.closeJavadoc();
      }
      if (userClose.isPresent()) {
        close.addJavadoc(
            "$L",
            JavadocText.wrap(
                stopsEffects + ", then runs {@link " + target.sourceName() + "#close()}."));
        close.addStatement("super.close()");
      } else {
        close.addJavadoc(
            "$L",
            JavadocText.wrap(stopsEffects + ". Its fields stay readable; actions and lock blocks then"
                    + " throw {@link dev.statewire.ClosedException}."));
      }
      return close.build();
    }
  }
}
