package dev.statewire.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import dev.statewire.processor.analysis.BodyAnalyzer;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.OverrideKind;
import dev.statewire.processor.analysis.TreesProvider;
import dev.statewire.processor.generation.ReactiveClassWriter;
import dev.statewire.processor.model.AsyncDerivedMethods;
import dev.statewire.processor.model.ErrorTypes;
import dev.statewire.processor.model.FieldCodecs;
import dev.statewire.processor.model.ModelCollector;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.StatewireAnnotations;
import dev.statewire.processor.validation.AsyncDerivedValidator;
import dev.statewire.processor.validation.CodecValidator;
import dev.statewire.processor.validation.DeclarationValidator;
import dev.statewire.processor.validation.Diagnostics;
import dev.statewire.processor.validation.LockRules;
import dev.statewire.processor.validation.Messages;
import dev.statewire.processor.validation.OutsideAccessValidator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * The Statewire annotation processor. For each {@code @Reactive} class it collects the model
 * ({@code model}), reads the method bodies ({@code analysis}), checks the declarations ({@code
 * validation}) and generates {@code ReactiveX} ({@code generation}) during the rounds, reading
 * bodies syntactically only: it never attributes a tree while javac may still change the
 * program. The checks that need attributed bodies run later, when javac has analysed each class
 * ({@link BodyChecks}, a {@code TaskListener} on {@code ANALYZE} events).
 *
 * <p>A class whose signatures reference a type not generated yet (by another processor) is
 * deferred by name to the next round; what is still unresolved when processing ends is reported.
 * The processor claims its own annotations, {@code @StatewireGenerated} included (no other
 * processor has a use for them, and javac's {@code -Xlint:processing} then stays quiet; the JDK's
 * {@code @Generated} it leaves to others, see {@code -Astatewire.generated}) and never throws: an unexpected failure becomes an
 * error at the element being processed, asking for a bug report. Its options are {@link
 * ProcessorOptions}.
 */
@AutoService(Processor.class)
public final class StatewireProcessor extends AbstractProcessor {
  private Diagnostics diagnostics;
  private ModelCollector collector;
  private BodyAnalyzer analyzer;
  private DeclarationValidator declarations;
  private LockRules lockRules;
  private AsyncDerivedValidator asyncDerived;
  private CodecValidator codecs;
  private Optional<BodyChecks> bodyChecks;
  private ReactiveClassWriter writer;
  private ProcessorOptions options;
  /** Classes waiting for types generated in a later round, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();

  /** Created by javac, which finds the processor through {@code ServiceLoader}. */
  public StatewireProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    Optional<Trees> trees = TreesProvider.treesFor(environment);
    Optional<JavacTask> task = TreesProvider.javacTaskFor(environment);
    options = ProcessorOptions.from(environment.getOptions());
    diagnostics = new Diagnostics(environment.getMessager(), trees, options.warningsAsErrors());
    if (!options.unknown().isEmpty()) {
      diagnostics.warning(Messages.unknownOptions(options.unknown(), ProcessorOptions.KNOWN));
    }
    var elements = environment.getElementUtils();
    var types = environment.getTypeUtils();
    collector = new ModelCollector(elements, types);
    analyzer = new BodyAnalyzer(trees, elements, types);
    declarations = new DeclarationValidator(diagnostics, elements, types);
    lockRules = new LockRules(diagnostics, elements, types);
    asyncDerived =
        new AsyncDerivedValidator(diagnostics, elements, new AsyncDerivedMethods(elements, types));
    codecs = new CodecValidator(diagnostics, elements, new FieldCodecs(elements, types));
    writer = new ReactiveClassWriter(environment, options.generatedAnnotation());
    bodyChecks =
        trees.isPresent() && task.isPresent()
            ? Optional.of(
                new BodyChecks(
                    trees.get(),
                    elements,
                    diagnostics,
                    collector,
                    analyzer,
                    lockRules,
                    new OutsideAccessValidator(trees.get(), types, diagnostics),
                    options.debug()))
            : Optional.empty();
    bodyChecks.ifPresent(checks -> task.get().addTaskListener(checks));
    if (trees.isEmpty()) {
      diagnostics.note(Messages.bodiesUnavailable());
    } else if (bodyChecks.isEmpty()) {
      diagnostics.note(Messages.bodyChecksUnavailable());
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        StatewireAnnotations.REACTIVE,
        StatewireAnnotations.DERIVED,
        StatewireAnnotations.EFFECT,
        StatewireAnnotations.BACKGROUND,
        StatewireAnnotations.CODEC,
        StatewireAnnotations.STATEWIRE_GENERATED);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.copyOf(ProcessorOptions.KNOWN);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (Throwable failure) {
      processingEnv
          .getMessager()
          .printMessage(Kind.ERROR, Messages.internalError("this round", failure));
    }
    return true;
  }

  private void processRound(RoundEnvironment round) {
    Map<String, TypeElement> classes = new LinkedHashMap<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        classes.put(name, type);
      }
    }
    deferred.clear();
    TypeElement reactive =
        processingEnv.getElementUtils().getTypeElement(StatewireAnnotations.REACTIVE);
    if (reactive != null) {
      for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(reactive))) {
        classes.putIfAbsent(type.getQualifiedName().toString(), type);
      }
    }
    Set<String> generatedNow = new HashSet<>();
    classes.values().forEach(t -> generatedNow.add(collector.generatedName(t).simpleName()));
    boolean lastRound = round.processingOver();
    for (TypeElement type : classes.values()) {
      guarded(type, () -> processClass(type, generatedNow, lastRound));
    }
    validateMethodsOutsideReactiveClasses(round);
    lockRules.validateOutsideReactiveClasses(round);
    codecs.validateOutsideReactiveClasses(round);
  }

  /**
   * Model, syntactic analysis, declaration checks and generation for one class; its bodies are
   * checked once javac has analysed it. A reference to a type that does not exist yet defers the
   * class to the next round, unless the type is one of {@code generatedNow}, the classes this
   * round generates (a class may well refer to its own {@code ReactiveX}). A class with an error
   * in its declarations still gets its generated class (when one can be written), so the error
   * is not buried under "cannot find symbol ReactiveX" wherever the class is used.
   */
  private void processClass(TypeElement type, Set<String> generatedNow, boolean lastRound) {
    String generated = collector.generatedName(type).simpleName();
    if (!declarations.validateClass(type, generated)) {
      return;
    }
    if (!generatedNow.containsAll(ErrorTypes.inSignatures(type))) {
      deferOrReport(type, lastRound);
      return;
    }
    ReactiveClass model = collector.collect(type);
    ClassAnalysis analysis = analyzer.analyzeInRound(model);
    if (options.debug()) {
      diagnostics.note(
          AnalysisReport.roles(
              analysis, processingEnv.getElementUtils(), processingEnv.getTypeUtils()));
    }
    int errorsBefore = diagnostics.errorCount();
    declarations.validateFields(model);
    codecs.validate(model);
    ElementFilter.methodsIn(type.getEnclosedElements()).forEach(declarations::validateMethod);
    lockRules.validateDeclarations(model);
    asyncDerived.validate(model);
    declarations.validateOverriddenSignatures(
        model,
        model.methods().stream()
            .filter(
                m ->
                    OverrideKind.of(
                            analysis, m, processingEnv.getElementUtils(), processingEnv.getTypeUtils())
                        != OverrideKind.NONE)
            .toList());
    boolean valid = diagnostics.errorCount() == errorsBefore;
    if (!model.isAbstract()) {
      writeGenerated(valid ? analysis : analyzer.withoutMembers(model), valid);
    }
    if (valid) {
      bodyChecks.ifPresent(checks -> checks.expect(model));
    }
  }

  /**
   * Writes the generated class. For a class with errors it is a courtesy, built without the
   * class's members, that keeps the compiler's other messages about the class's users away; if
   * it cannot be written, the error already reported says why.
   */
  private void writeGenerated(ClassAnalysis analysis, boolean valid) {
    if (valid) {
      writer.write(analysis);
      return;
    }
    try {
      writer.write(analysis);
    } catch (RuntimeException notWritable) {
      // the class's own error explains it
    }
  }

  private void deferOrReport(TypeElement type, boolean lastRound) {
    if (lastRound) {
      diagnostics.error(type, Messages.unresolvedAtEnd(type.getQualifiedName().toString()));
    } else {
      deferred.add(type.getQualifiedName().toString());
    }
  }

  /**
   * SW301 / SW302 for {@code @Derived} and {@code @Effect} outside any {@code @Reactive} type
   * (inside one that is not a class, SW101 has said it all).
   */
  private void validateMethodsOutsideReactiveClasses(RoundEnvironment round) {
    for (String annotation : Set.of(StatewireAnnotations.DERIVED, StatewireAnnotations.EFFECT)) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
      if (type == null) {
        continue;
      }
      for (ExecutableElement method :
          ElementFilter.methodsIn(round.getElementsAnnotatedWith(type))) {
        Element owner = method.getEnclosingElement();
        if (!StatewireAnnotations.isPresent(owner, StatewireAnnotations.REACTIVE)) {
          guarded(method, () -> declarations.validateMethod(method));
        }
      }
    }
  }

  /** Runs {@code step}; an unexpected failure becomes an error at {@code element}. */
  private void guarded(Element element, Runnable step) {
    try {
      step.run();
    } catch (Throwable failure) {
      diagnostics.error(element, Messages.internalError(element.toString(), failure));
    }
  }
}
