package dev.statewire.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.OverrideKind;
import dev.statewire.processor.model.DerivedEqualities;
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
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
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
  private final boolean generatedAnnotation;

  public ReactiveClassGenerator(Elements elements, Types types, boolean generatedAnnotation) {
    this.elements = elements;
    this.types = types;
    this.generatedAnnotation = generatedAnnotation;
  }

  /** The generated source for the analysed class. */
  public JavaFile generate(ClassAnalysis analysis) {
    return new Generation(GenerationTarget.of(analysis, elements, types), generatedAnnotation)
        .build();
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
    private final MemberNames names;
    private final ClassJavadoc javadoc;
    private final TypeSpec.Builder builder;
    /** Statements of the constructors, given the name of their context parameter. */
    private final List<Function<String, CodeBlock>> constructionSteps = new ArrayList<>();
    private final boolean generatedAnnotation;

    Generation(GenerationTarget target, boolean generatedAnnotation) {
      this.target = target;
      this.generatedAnnotation = generatedAnnotation;
      this.model = target.model();
      this.overrides = new MethodOverrides(target);
      this.fieldSync = new FieldSync(target);
      this.background = new BackgroundMembers(target);
      this.asyncDerived = new AsyncDerivedMembers(target);
      this.userClose = CloseMethod.userClose(target);
      this.names = target.names();
      this.javadoc = new ClassJavadoc(target);
      this.builder = TypeSpec.classBuilder(model.generatedName());
    }

    JavaFile build() {
      builder
          .alwaysQualify(target.shadowed().toArray(String[]::new))
          .addOriginatingElement(target.type());
      if (generatedAnnotation && generatedAnnotationVisible()) {
        builder.addAnnotation(
            AnnotationSpec.builder(RuntimeNames.GENERATED).addMember("value", "$S", PROCESSOR).build());
      }
      builder
          .addAnnotation(RuntimeNames.STATEWIRE_GENERATED)
          .superclass(TypeName.get(target.declared()))
          .addSuperinterface(RuntimeNames.REACTIVE_OBJECT);
      if (target.type().getModifiers().contains(Modifier.PUBLIC)) {
        builder.addModifiers(Modifier.PUBLIC);
      }
      builder.addModifiers(Modifier.FINAL);
      target.type().getTypeParameters()
          .forEach(p -> builder.addTypeVariable(TypeVariableName.get(p)));

      StateFieldsMembers persistence = new StateFieldsMembers(target);
      builder.addFields(persistence.constants());
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
        if (kind != OverrideKind.NONE && !isEffect(method)) {
          javadoc.overrides(method, kind);
        }
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
          javadoc.effect(method);
        }
      }
      if (asyncDerived.present()) {
        builder.addFields(asyncDerived.fields());
        constructionSteps.add(asyncDerived::construction);
        helpers.addAll(asyncDerived.methods());
      }
      addConstructors();
      builder.addJavadoc("$L", javadoc.text());
      builder.addMethod(reactiveContextMethod());
      builder.addMethod(reactiveTransactionMethod());
      builder.addMethod(persistence.stateFieldsMethod());
      builder.addMethod(
          new CloseMethod(target, overrides, background, asyncDerived).build(userClose));
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

    /**
     * Whether {@code @javax.annotation.processing.Generated} is visible to the code being
     * compiled: always in the unnamed module (JDK 9+), in a named module only if it reads {@code
     * java.compiler}. Without it the generated class still has {@code @StatewireGenerated}.
     */
    private boolean generatedAnnotationVisible() {
      Elements elements = target.elements();
      ModuleElement module = elements.getModuleOf(target.type());
      String name = RuntimeNames.GENERATED.canonicalName();
      TypeElement generated =
          module == null || module.isUnnamed()
              ? elements.getTypeElement(name)
              : elements.getTypeElement(module, name);
      return generated != null;
    }

    private boolean isEffect(ExecutableElement method) {
      return ReactiveClass.roleOf(method) == MethodRole.EFFECT
          && OverrideKind.isOverridable(model, method, target.elements());
    }

    private void addCore() {
      builder.addField(
          FieldSpec.builder(
                  RuntimeNames.STATE_CORE, names.core(), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "$L",
                  JavadocText.wrap(
                      "The context, the transaction and the effects of this instance."))
              .build());
      constructionSteps.add(
          context ->
              CodeBlock.of(
                  "this.$N =$Wnew $T($N,$W$S,$W$T.$L,$Wthis::$N,$Wthis::$N,$Wthis::$N,"
                      + "$Wthis::$N,$Wthis::$N);\n",
                  names.core(),
                  RuntimeNames.STATE_CORE,
                  context,
                  target.displayName(),
                  RuntimeNames.COMMIT_SAFETY,
                  fieldSync.commitCannotFail() ? "CANNOT_FAIL" : "MAY_FAIL",
                  names.verify(),
                  names.commit(),
                  names.restore(),
                  names.savepoint(),
                  names.restoreSavepoint()));
    }

    private void addSignal(ReactiveField field) {
      String name = names.signal(field.element());
      builder.addField(
          FieldSpec.builder(
                  SignalKind.of(field.type()).signalType(field.type()),
                  name,
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .addJavadoc(
                  "$L", JavadocText.wrap("The committed value of {@code " + field.name() + "}."))
              .build());
      String committed = names.committed(field.element());
      builder.addField(
          FieldSpec.builder(TypeName.get(field.type()), committed, Modifier.PRIVATE)
              .addJavadoc(
                  "$L",
                  JavadocText.wrap(
                      "A plain copy of the committed value of {@code " + field.name() + "} (its"
                          + " signal's): what the start and the commit of a session compare the"
                          + " field with, without reading the signal."))
              .build());
      constructionSteps.add(
          context ->
              CodeBlock.of(
                  "this.$N =$W$N.$L$L($L).named($S);\nthis.$N = $L;\n",
                  name,
                  context,
                  typeWitness(field.type()),
                  SignalKind.of(field.type()).factory(),
                  target.thisField(field),
                  target.nodeName(field),
                  committed,
                  target.thisField(field)));
    }

    private void addComputed(ExecutableElement method) {
      String name = names.computed(method);
      SignalKind kind = target.computedKind(method);
      builder.addField(
          FieldSpec.builder(
                  kind.computedType(target.returnType(method)),
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
                  "this.$N =$W$N.$L$N(this::$N$L).named($S);\n",
                  name,
                  context,
                  typeWitness(target.returnType(method)),
                  kind.computedFactory(),
                  names.compute(method),
                  equalityArgument(method),
                  target.displayName() + "." + Signatures.of(method)));
    }

    /**
     * {@code , X.sameIgnoringCase} or {@code , X::sameIgnoringCase}: the equality {@code
     * @Derived(equality = ...)} names (checked by SW307), empty for {@code Objects.equals}.
     */
    private CodeBlock equalityArgument(ExecutableElement method) {
      return new DerivedEqualities(target.elements(), target.types())
          .resolve(target.type(), method)
          .filter(resolution -> resolution.member() != null)
          .map(
              resolution ->
                  CodeBlock.of(
                      resolution.isMethod() ? ",$W$T::$N" : ",$W$T.$N",
                      TypeName.get(target.types().erasure(target.type().asType())),
                      resolution.member().getSimpleName().toString()))
          .orElse(CodeBlock.of(""));
    }

    /**
     * {@code <List<? extends Number>>}, the explicit type argument of a {@code signal(value)} or
     * {@code computed(fn)} call whose type has wildcards (inference would capture them and give a
     * type the field cannot hold); empty otherwise.
     */
    private static CodeBlock typeWitness(TypeMirror type) {
      return GenerationTarget.mentionsWildcard(type)
          ? CodeBlock.of("<$T>", GenerationTarget.boxed(type))
          : CodeBlock.of("");
    }

    /** Two constructors per non-private constructor: in the current context, in a given one. */
    private void addConstructors() {
      List<ExecutableElement> constructors =
          ElementFilter.constructorsIn(target.type().getEnclosedElements()).stream()
              .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE))
              .toList();
      for (ExecutableElement constructor : constructors) {
        String arguments = GenerationTarget.argumentList(constructor);
        String contextName = MemberNames.fresh("context", constructor);
        MethodSpec.Builder inCurrent =
            constructorLike(constructor)
                .addJavadoc(
                    "$L",
                    JavadocText.wrap(
                        "Creates the state in {@link "
                            + target.javadocName(RuntimeNames.REACTIVE_CONTEXT)
                            + "#current()}; see "
                            + constructorLink(constructor)
                            + "."));
        inCurrent.addParameters(parameters(constructor));
        inCurrent.addStatement(
            "this($T.current()$L)",
            RuntimeNames.REACTIVE_CONTEXT,
            arguments.isEmpty() ? "" : ", " + arguments);
        builder.addMethod(inCurrent.build());

        MethodSpec.Builder inContext =
            constructorLike(constructor)
                .addJavadoc(
                    "$L",
                    JavadocText.wrap(
                        "Creates the state in {@code "
                            + contextName
                            + "}; see "
                            + constructorLink(constructor)
                            + "."
                            + (hasEffects() ? " Its effects run once before the constructor returns." : "")))
                .addParameter(RuntimeNames.REACTIVE_CONTEXT, contextName);
        inContext.addParameters(parameters(constructor));
        String constructionName = MemberNames.fresh("construction", constructor);
        inContext.addStatement(
            "this($N, $T.begin($T.class, $N)$L)",
            contextName,
            RuntimeNames.CONSTRUCTION,
            model.generatedName(),
            contextName,
            arguments.isEmpty() ? "" : ", " + arguments);
        builder.addMethod(inContext.build());
        builder.addMethod(constructingConstructor(constructor, contextName, constructionName));
      }
    }

    /**
     * The private constructor the one in a given context delegates to: {@code construction}
     * makes the context current while the annotated class's constructor runs (see {@code
     * ReactiveObject.Construction}), then the generated parts are set up.
     */
    private MethodSpec constructingConstructor(
        ExecutableElement constructor, String contextName, String constructionName) {
      MethodSpec.Builder spec =
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PRIVATE)
              .addJavadoc(
                  "$L",
                  JavadocText.wrap(
                      "Runs "
                          + constructorLink(constructor)
                          + " with {@code "
                          + contextName
                          + "} current, so that the signals, computed values and collections"
                          + " its field initializers and body create belong to it; then sets up"
                          + " this class's signals, computed values and effects."))
              .addParameter(RuntimeNames.REACTIVE_CONTEXT, contextName)
              .addParameter(RuntimeNames.CONSTRUCTION, constructionName)
              .addParameters(parameters(constructor));
      constructor.getTypeParameters().forEach(p -> spec.addTypeVariable(TypeVariableName.get(p)));
      constructor.getThrownTypes().forEach(t -> spec.addException(TypeName.get(t)));
      spec.addStatement("super($L)", GenerationTarget.argumentList(constructor));
      spec.addStatement("$N.end()", constructionName);
      constructionSteps.forEach(step -> spec.addCode(step.apply(contextName)));
      spec.addCode(effectStarts(contextName));
      return spec.build();
    }

    /** A constructor with the access, type variables, varargs and exceptions of {@code constructor}. */
    private MethodSpec.Builder constructorLike(ExecutableElement constructor) {
      MethodSpec.Builder spec =
          MethodSpec.constructorBuilder()
              .addModifiers(constructorAccess(constructor))
              .varargs(constructor.isVarArgs());
      constructor.getTypeParameters().forEach(p -> spec.addTypeVariable(TypeVariableName.get(p)));
      constructor.getThrownTypes().forEach(t -> spec.addException(TypeName.get(t)));
      return spec;
    }

    private static List<ParameterSpec> parameters(ExecutableElement constructor) {
      return constructor.getParameters().stream().map(ParameterSpec::get).toList();
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

    private boolean hasEffects() {
      return model.methods().stream().anyMatch(this::isEffect);
    }

    private CodeBlock effectStarts(String context) {
      CodeBlock.Builder code = CodeBlock.builder();
      for (ExecutableElement method : model.methods()) {
        if (isEffect(method)) {
          code.addStatement(
              "$N.addEffect($N.effect(this::$N).named($S))",
              names.core(),
              context,
              names.effectBody(method),
              target.displayName() + "." + Signatures.of(method));
        }
      }
      return code.build();
    }

    private MethodSpec reactiveContextMethod() {
      return MethodSpec.methodBuilder("reactiveContext")
          .addJavadoc(
              "$L",
              JavadocText.wrap(
                  "The context this instance lives in; {@code null} while the constructor of"
                      + " {@code "
                      + target.sourceName()
                      + "} runs, where a lock block is a plain block (the instance is not shared"
                      + " yet)."))
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(RuntimeNames.REACTIVE_CONTEXT)
          .addStatement("return $N == null ? null : $N.context()", names.core(), names.core())
          .build();
    }

    private MethodSpec reactiveTransactionMethod() {
      return MethodSpec.methodBuilder("reactiveTransaction")
          .addJavadoc(
              "$L",
              JavadocText.wrap(
                  "This instance's part in a lock session: commits or restores its fields when"
                      + " the outermost action or lock block ends."))
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(RuntimeNames.TRANSACTIONAL)
          .addStatement("return $N", names.core())
          .build();
    }
  }
}
