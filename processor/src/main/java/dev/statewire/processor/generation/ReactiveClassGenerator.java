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
import dev.statewire.processor.analysis.Access;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import dev.statewire.processor.model.Signatures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step 4: builds the source of {@code ReactiveX} with JavaPoet. See {@code README.md} for what
 * the generated members do; the Javadoc written into the generated class says it again, member
 * by member, for readers in the IDE.
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
    return new Generation(analysis).build();
  }

  /** The generation of one class; holds what its members share. */
  private final class Generation {
    private final ClassAnalysis analysis;
    private final ReactiveClass model;
    private final TypeElement type;
    private final DeclaredType declared;
    private final String displayName;
    /** The annotated class as the generated class's package names it: {@code Outer.X}. */
    private final String sourceName;
    private final Optional<ExecutableElement> userClose;
    private final TypeSpec.Builder builder;
    /** Statements of the constructors, given the name of their context parameter. */
    private final List<Function<String, CodeBlock>> constructionSteps = new ArrayList<>();

    Generation(ClassAnalysis analysis) {
      this.analysis = analysis;
      this.model = analysis.model();
      this.type = model.element();
      this.declared = (DeclaredType) type.asType();
      this.displayName = type.getSimpleName().toString();
      this.sourceName = sourceNameOf(type);
      this.userClose =
          model.methods().stream()
              .filter(m -> m.getSimpleName().contentEquals("close") && m.getParameters().isEmpty())
              .filter(m -> OverrideKind.isOverridable(model, m, elements))
              .findFirst();
      this.builder = TypeSpec.classBuilder(model.generatedName());
    }

    JavaFile build() {
      builder
          .addOriginatingElement(type)
          .addJavadoc("$L", classJavadoc())
          .addAnnotation(
              AnnotationSpec.builder(RuntimeNames.GENERATED)
                  .addMember("value", "$S", PROCESSOR)
                  .build())
          .addAnnotation(RuntimeNames.STATEWIRE_GENERATED)
          .superclass(TypeName.get(declared))
          .addSuperinterface(RuntimeNames.REACTIVE_OBJECT);
      if (type.getModifiers().contains(Modifier.PUBLIC)) {
        builder.addModifiers(Modifier.PUBLIC);
      }
      builder.addModifiers(Modifier.FINAL);
      type.getTypeParameters().forEach(p -> builder.addTypeVariable(TypeVariableName.get(p)));

      builder.addField(
          FieldSpec.builder(RuntimeNames.STATE_CORE, CORE, Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc("$L", doc("The context, the transaction and the effects of this instance."))
              .build());
      constructionSteps.add(
          context -> CodeBlock.of(
              "this.$N =$Wnew $T($N,$W$S,$Wthis::$N,$Wthis::$N,$Wthis::$N);\n",
              CORE,
              RuntimeNames.STATE_CORE,
              context,
              displayName,
              MemberNames.VERIFY,
              MemberNames.COMMIT,
              MemberNames.ROLLBACK));
      model.fields().forEach(this::addSignal);
      List<MethodSpec> overrides = new ArrayList<>();
      List<MethodSpec> helpers = new ArrayList<>();
      for (ExecutableElement method : model.methods()) {
        if (userClose.filter(method::equals).isPresent()) {
          continue;
        }
        OverrideKind kind = OverrideKind.of(analysis, method, elements, types);
        if (kind == OverrideKind.DERIVED) {
          addComputed(method);
          helpers.add(derivedCompute(method));
        }
        if (kind != OverrideKind.NONE) {
          overrides.add(override(method, kind));
        }
        if (ReactiveClass.roleOf(method) == MethodRole.EFFECT
            && OverrideKind.isOverridable(model, method, elements)) {
          helpers.add(effectBody(method));
        }
      }
      addConstructors();
      builder.addMethod(reactiveContextMethod());
      builder.addMethod(reactiveTransactionMethod());
      builder.addMethod(closeMethod());
      builder.addMethods(overrides);
      builder.addMethods(helpers);
      builder.addMethod(verifyMethod());
      builder.addMethod(commitMethod());
      builder.addMethod(rollbackMethod());
      return JavaFile.builder(model.generatedName().packageName(), builder.build())
          .skipJavaLangImports(true)
          .indent("  ")
          .build();
    }

    private String classJavadoc() {
      return doc(
          "Reactive state generated from {@link "
              + sourceName
              + "}.\n\n<p>Each reactive field is a signal ("
              + codeList(model.fields().stream().map(ReactiveField::element).toList())
              + "), each {@code @Derived} method a cached computed value, each {@code @Effect}"
              + " method an effect started at construction and stopped by {@link #close()}. A"
              + " method that writes fields is an action: it runs under the lock of the"
              + " instance's {@link ReactiveContext} and its changes are committed when the"
              + " outermost action or lock block ends (rolled back if it throws). A method that"
              + " reads fields is a tracked read: called inside a derived value or an effect, the"
              + " caller depends on the fields it reads, and calls into other reactive objects"
              + " are tracked when they run.\n\n<p>Create one with any constructor of {@code "
              + sourceName
              + "}, optionally preceded by the context to place it in (default: {@link"
              + " ReactiveContext#current()}).");
    }

    /** {@code {@link Outer.X#X(int)}} for a constructor of the annotated class. */
    private String constructorLink(ExecutableElement constructor) {
      return "{@link "
          + sourceName
          + "#"
          + displayName
          + "("
          + constructor.getParameters().stream()
              .map(p -> types.erasure(p.asType()).toString())
              .collect(Collectors.joining(", "))
          + ")}";
    }

    private void addSignal(ReactiveField field) {
      String name = MemberNames.signal(field.element());
      builder.addField(
          FieldSpec.builder(
                  ParameterizedTypeName.get(RuntimeNames.SIGNAL, boxed(field.type())),
                  name,
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .addJavadoc("$L", doc("The committed value of {@code " + field.name() + "}."))
              .build());
      constructionSteps.add(
          context -> CodeBlock.of(
              "this.$N = $N.signal(this.$N).named($S);\n",
              name,
              context,
              field.name(),
              displayName + "." + field.name()));
    }

    private void addComputed(ExecutableElement method) {
      String name = MemberNames.computed(method);
      builder.addField(
          FieldSpec.builder(
                  ParameterizedTypeName.get(RuntimeNames.COMPUTED, boxed(returnType(method))),
                  name,
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .addJavadoc("$L", doc("The cached value of {@link #" + Signatures.of(method) + "}."))
              .build());
      constructionSteps.add(
          context -> CodeBlock.of(
              "this.$N = $N.computed(this::$N).named($S);\n",
              name,
              context,
              MemberNames.compute(method),
              displayName + "." + Signatures.of(method)));
    }

    private void addConstructors() {
      List<ExecutableElement> constructors =
          ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
              .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE))
              .toList();
      for (ExecutableElement constructor : constructors) {
        List<ParameterSpec> parameters =
            constructor.getParameters().stream().map(ParameterSpec::get).toList();
        String arguments = argumentList(constructor);
        String contextName = MemberNames.fresh("context", constructor);
        Modifier[] access = constructorAccess(constructor);

        MethodSpec.Builder inCurrent =
            MethodSpec.constructorBuilder()
                .addModifiers(access)
                .addJavadoc(
                    "$L",
                    doc(
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
                    doc(
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

    private Modifier[] constructorAccess(ExecutableElement constructor) {
      boolean open =
          constructor.getModifiers().contains(Modifier.PUBLIC)
              || constructor.getModifiers().contains(Modifier.PROTECTED);
      return open && type.getModifiers().contains(Modifier.PUBLIC)
          ? new Modifier[] {Modifier.PUBLIC}
          : new Modifier[0];
    }

    private CodeBlock effectStarts(String context) {
      CodeBlock.Builder code = CodeBlock.builder();
      for (ExecutableElement method : model.methods()) {
        if (ReactiveClass.roleOf(method) == MethodRole.EFFECT
            && OverrideKind.isOverridable(model, method, elements)) {
          code.addStatement(
              "$N.addEffect($N.effect(this::$N).named($S))",
              CORE,
              context,
              MemberNames.effectBody(method),
              displayName + "." + Signatures.of(method));
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
              .addModifiers(Modifier.PUBLIC)
              .addStatement("$N.close()", CORE);
      if (userClose.isPresent()) {
        close.addJavadoc(
            "$L",
            doc("Stops the effects of this instance, then runs {@link " + sourceName + "#close()}."));
        close.addStatement("super.close()");
      } else {
        close.addJavadoc(
            "$L",
            doc("Stops the effects of this instance. Its fields stay readable and writable."));
      }
      return close.build();
    }

    private MethodSpec override(ExecutableElement method, OverrideKind kind) {
      MethodSpec.Builder override = MethodSpec.overriding(method, declared, types);
      override.addCode(
          "if ($N == null) {$>\n// called by the constructor of $L, before this class is set up\n$L$<}\n",
          CORE,
          displayName,
          returning(method, superCall(method)));
      switch (kind) {
        case DERIVED:
          derivedBody(method, override);
          break;
        case GETTER:
          getterBody(method, override);
          break;
        case TRACKED_READ:
          trackedReadBody(method, override);
          break;
        case ACTION:
          actionBody(method, override);
          break;
        default:
          throw new IllegalStateException("no override for " + kind);
      }
      return override.build();
    }

    private void derivedBody(ExecutableElement method, MethodSpec.Builder override) {
      Access tracked = analysis.tracked(method);
      override.addJavadoc(
          "$L",
          doc(
              "Derived value, cached until something it read changes: "
                  + dependencies(tracked.reads(), analysis.derivedCallees(method))
                  + ". Inside an action it is computed afresh, from the fields as written so"
                  + " far."));
      override.beginControlFlow("if ($N.readsUncommitted())", CORE);
      override.addStatement("return $N()", MemberNames.compute(method));
      override.endControlFlow();
      override.addStatement("return $N.get()", MemberNames.computed(method));
    }

    private void getterBody(ExecutableElement method, MethodSpec.Builder override) {
      VariableElement field = analysis.direct(method).returnedField().orElseThrow();
      override.addJavadoc(
          "$L",
          doc(
              "Tracked read of {@code "
                  + field.getSimpleName()
                  + "}. Inside a derived value or an effect the caller depends on it; elsewhere"
                  + " it returns the committed value without locking."));
      override.beginControlFlow("if ($N.isLockHeld())", CORE);
      override.addStatement("$N.get()", MemberNames.signal(field));
      override.addStatement("return $L", superCall(method));
      override.endControlFlow();
      override.addStatement("return $N.peek()", MemberNames.signal(field));
    }

    private void trackedReadBody(ExecutableElement method, MethodSpec.Builder override) {
      Access tracked = analysis.tracked(method);
      override.addJavadoc(
          "$L",
          doc(
              "Tracked read of "
                  + dependencies(tracked.reads(), analysis.derivedCallees(method))
                  + ". Inside a derived value or an effect the caller depends on them; from a"
                  + " thread outside the lock it reads the committed state under the lock."));
      String guard = MemberNames.fresh("guard", method);
      override.beginControlFlow("if (!$N.isLockHeld())", CORE);
      override.addStatement("$T $N = $N.enter()", RuntimeNames.LOCK_GUARD, guard, CORE);
      override.beginControlFlow("try");
      override.addCode(returning(method, superCall(method)));
      override.nextControlFlow("finally");
      override.addStatement("$N.close()", guard);
      override.endControlFlow();
      override.endControlFlow();
      trackingReads(tracked.reads()).forEach(override::addStatement);
      override.addCode(
          method.getReturnType().getKind() == TypeKind.VOID
              ? CodeBlock.of("$L;\n", superCall(method))
              : CodeBlock.of("return $L;\n", superCall(method)));
    }

    private void actionBody(ExecutableElement method, MethodSpec.Builder override) {
      Access effective = analysis.effective(method);
      override.addJavadoc(
          "$L",
          doc(
              "Action writing "
                  + codeList(effective.writes())
                  + ": runs under the context lock, untracked; the changes are committed when"
                  + " the outermost action or lock block ends, and rolled back if it throws."));
      addActionCall(method, override, true);
    }

    /** A lambda can pass on one checked exception type, not a union of several. */
    private boolean declaresAtMostOneCheckedException(ExecutableElement method) {
      TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
      TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
      return method.getThrownTypes().stream()
              .filter(t -> !types.isSubtype(t, runtime) && !types.isSubtype(t, error))
              .count()
          <= 1;
    }

    /**
     * {@code try (guard = beginAction()) { super.m(); } catch: markFailed and rethrow}. With
     * {@code untracked}, the call runs without tracking, so that a computed value or effect that
     * calls the action does not come to depend on what it reads.
     */
    private void addActionCall(
        ExecutableElement method, MethodSpec.Builder code, boolean untracked) {
      String guard = MemberNames.fresh("guard", method);
      String failure = MemberNames.fresh("failure", method);
      boolean isVoid = method.getReturnType().getKind() == TypeKind.VOID;
      CodeBlock call = superCall(method);
      if (untracked && declaresAtMostOneCheckedException(method)) {
        call =
            CodeBlock.of(
                "$N.$N(() -> $L)", CORE, isVoid ? "runUntracked" : "callUntracked", call);
      }
      code.beginControlFlow(
          "try ($T $N = $N.beginAction())", RuntimeNames.LOCK_GUARD, guard, CORE);
      code.beginControlFlow("try");
      code.addCode(isVoid ? CodeBlock.of("$L;\n", call) : CodeBlock.of("return $L;\n", call));
      code.nextControlFlow("catch ($T $N)", Throwable.class, failure);
      code.addStatement("$N.markFailed()", guard);
      code.addStatement("throw $N", failure);
      code.endControlFlow();
      code.endControlFlow();
    }

    private MethodSpec derivedCompute(ExecutableElement method) {
      Access tracked = analysis.tracked(method);
      MethodSpec.Builder compute =
          MethodSpec.methodBuilder(MemberNames.compute(method))
              .addModifiers(Modifier.PRIVATE)
              .returns(TypeName.get(returnType(method)))
              .addJavadoc(
                  "$L",
                  doc(
                      "Evaluates {@link #"
                          + Signatures.of(method)
                          + "} and makes the caller depend on "
                          + dependencies(tracked.reads(), analysis.derivedCallees(method))
                          + "."));
      trackingReads(tracked.reads()).forEach(compute::addStatement);
      compute.addStatement("return $L", superCall(method));
      return compute.build();
    }

    private MethodSpec effectBody(ExecutableElement method) {
      Access tracked = analysis.tracked(method);
      MethodSpec.Builder body =
          MethodSpec.methodBuilder(MemberNames.effectBody(method))
              .addModifiers(Modifier.PRIVATE)
              .addJavadoc(
                  "$L",
                  doc(
                      "The effect {@link #"
                          + Signatures.of(method)
                          + "}: runs at construction, then after every commit that changes "
                          + dependencies(tracked.reads(), analysis.derivedCallees(method))
                          + "."));
      trackingReads(tracked.reads()).forEach(body::addStatement);
      if (analysis.effective(method).writes().isEmpty()) {
        body.addStatement("$L", superCall(method));
      } else {
        addActionCall(method, body, false);
      }
      return body.build();
    }

    private MethodSpec verifyMethod() {
      MethodSpec.Builder verify =
          MethodSpec.methodBuilder(MemberNames.VERIFY)
              .addModifiers(Modifier.PRIVATE)
              .addJavadoc(
                  "$L",
                  doc(
                      "Fails if a field was changed outside any action or lock block (by"
                          + " reflection, or by code compiled without the processor), after"
                          + " restoring the fields; runs when a lock session on this instance"
                          + " begins."));
      for (ReactiveField field : model.fields()) {
        String signal = MemberNames.signal(field.element());
        verify.beginControlFlow("if ($L)", differs(field, signal));
        verify.addStatement("$N()", MemberNames.ROLLBACK);
        verify.addStatement(
            "throw new $T($S, $S)", RuntimeNames.STATE_MUTATION, displayName, field.name());
        verify.endControlFlow();
      }
      return verify.build();
    }

    private MethodSpec commitMethod() {
      MethodSpec.Builder commit =
          MethodSpec.methodBuilder(MemberNames.COMMIT)
              .addModifiers(Modifier.PRIVATE)
              .addJavadoc(
                  "$L",
                  doc(
                      "Publishes each field that differs from its committed value; runs once"
                          + " when the outermost action or lock block ends."));
      for (ReactiveField field : model.fields()) {
        String signal = MemberNames.signal(field.element());
        commit.beginControlFlow("if ($L)", differs(field, signal));
        commit.addStatement("$N.set($N)", signal, field.name());
        commit.endControlFlow();
      }
      return commit.build();
    }

    private CodeBlock differs(ReactiveField field, String signal) {
      switch (field.type().getKind()) {
        case DOUBLE:
          return CodeBlock.of("$T.compare($N, $N.peek()) != 0", Double.class, field.name(), signal);
        case FLOAT:
          return CodeBlock.of("$T.compare($N, $N.peek()) != 0", Float.class, field.name(), signal);
        default:
          return field.type().getKind().isPrimitive()
              ? CodeBlock.of("$N != $N.peek()", field.name(), signal)
              : CodeBlock.of("!$T.equals($N, $N.peek())", Objects.class, field.name(), signal);
      }
    }

    private MethodSpec rollbackMethod() {
      MethodSpec.Builder rollback =
          MethodSpec.methodBuilder(MemberNames.ROLLBACK)
              .addModifiers(Modifier.PRIVATE)
              .addJavadoc(
                  "$L",
                  doc(
                      "Restores every field to its committed value; runs when the outermost"
                          + " action or lock block throws."));
      for (ReactiveField field : model.fields()) {
        rollback.addStatement("$N = $N.peek()", field.name(), MemberNames.signal(field.element()));
      }
      return rollback.build();
    }

    private List<CodeBlock> trackingReads(Collection<VariableElement> fields) {
      return fields.stream()
          .map(field -> CodeBlock.of("$N.get()", MemberNames.signal(field)))
          .toList();
    }

    private CodeBlock superCall(ExecutableElement method) {
      return CodeBlock.of("super.$N($L)", method.getSimpleName().toString(), argumentList(method));
    }

    /** {@code return call;} or {@code call; return;} for a void method. */
    private CodeBlock returning(ExecutableElement method, CodeBlock call) {
      return method.getReturnType().getKind() == TypeKind.VOID
          ? CodeBlock.of("$L;\nreturn;\n", call)
          : CodeBlock.of("return $L;\n", call);
    }

    private TypeMirror returnType(ExecutableElement method) {
      return ((ExecutableType) types.asMemberOf(declared, method)).getReturnType();
    }

    private String dependencies(
        Collection<VariableElement> fields, Collection<ExecutableElement> derived) {
      List<String> parts = new ArrayList<>();
      if (!fields.isEmpty()) {
        parts.add((fields.size() == 1 ? "field " : "fields ") + codeList(fields));
      }
      if (!derived.isEmpty()) {
        parts.add(
            (derived.size() == 1 ? "derived value " : "derived values ")
                + derived.stream()
                    .map(m -> "{@link #" + Signatures.of(m) + "}")
                    .collect(Collectors.joining(", ")));
      }
      return parts.isEmpty() ? "nothing of this instance" : String.join(" and ", parts);
    }
  }

  /** {@code text} as wrapped Javadoc. */
  private static String doc(String text) {
    return JavadocText.wrap(text);
  }

  /** {@code Outer.X} for a class nested in {@code Outer}, {@code X} for a top-level one. */
  private static String sourceNameOf(TypeElement type) {
    String name = type.getSimpleName().toString();
    for (Element outer = type.getEnclosingElement();
        outer instanceof TypeElement;
        outer = outer.getEnclosingElement()) {
      name = outer.getSimpleName() + "." + name;
    }
    return name;
  }

  private static String codeList(Collection<VariableElement> fields) {
    return fields.stream()
        .map(f -> "{@code " + f.getSimpleName() + "}")
        .collect(Collectors.joining(", "));
  }

  private static String argumentList(ExecutableElement executable) {
    return executable.getParameters().stream()
        .map(p -> p.getSimpleName().toString())
        .collect(Collectors.joining(", "));
  }

  private TypeName boxed(TypeMirror type) {
    TypeName name = TypeName.get(type);
    return name.isPrimitive() ? name.box() : name;
  }
}
