package dev.statewire.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.statewire.processor.analysis.AttributionOrder;
import dev.statewire.processor.analysis.AttributionOrder.Decision;
import dev.statewire.processor.analysis.BodyAnalyzer;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.TreesProvider;
import dev.statewire.processor.generation.ReactiveClassWriter;
import dev.statewire.processor.model.AsyncDerivedMethods;
import dev.statewire.processor.model.ErrorTypes;
import dev.statewire.processor.model.ModelCollector;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.StatewireAnnotations;
import dev.statewire.processor.validation.AsyncDerivedValidator;
import dev.statewire.processor.validation.CompilationUnits;
import dev.statewire.processor.validation.DeclarationValidator;
import dev.statewire.processor.validation.DerivedCycleValidator;
import dev.statewire.processor.validation.DerivedPurityValidator;
import dev.statewire.processor.validation.Diagnostics;
import dev.statewire.processor.validation.LocalClassValidator;
import dev.statewire.processor.validation.LockRules;
import dev.statewire.processor.validation.Messages;
import dev.statewire.processor.validation.OutsideAccessValidator;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * The Statewire annotation processor. For each {@code @Reactive} class it runs four steps, one
 * package each: collect the model ({@code model}), read the method bodies ({@code analysis}),
 * check them ({@code validation}), and generate {@code ReactiveX} ({@code generation}).
 *
 * <p>A class that references a type not generated yet (an error type in this round) is deferred
 * by name to the next round; what is still unresolved when processing ends is reported. The
 * processor never claims annotations and never throws: an unexpected failure becomes an error at
 * the element being processed, asking for a bug report.
 */
@AutoService(Processor.class)
public final class StatewireProcessor extends AbstractProcessor {
  private Optional<Trees> trees;
  private Diagnostics diagnostics;
  private ModelCollector collector;
  private BodyAnalyzer analyzer;
  private DeclarationValidator declarations;
  private DerivedPurityValidator purity;
  private DerivedCycleValidator cycles;
  private LockRules lockRules;
  private AsyncDerivedValidator asyncDerived;
  private Optional<OutsideAccessValidator> outsideAccess;
  private Optional<LocalClassValidator> localClasses;
  private ReactiveClassWriter writer;
  /** Classes waiting for types generated in a later round, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /**
   * Top-level types from source whose units the whole-compilation checks (SW205, SW206, SW101
   * for local classes) have not scanned yet, by qualified name. Scanning attributes a unit, so
   * it waits for a round in which no class of this processor is still to be generated.
   */
  private final Set<String> unscanned = new LinkedHashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    trees = TreesProvider.treesFor(environment);
    diagnostics = new Diagnostics(environment.getMessager(), trees);
    var elements = environment.getElementUtils();
    var types = environment.getTypeUtils();
    collector = new ModelCollector(elements, types);
    analyzer = new BodyAnalyzer(trees, elements);
    declarations = new DeclarationValidator(diagnostics, elements, types);
    purity = new DerivedPurityValidator(diagnostics);
    cycles = new DerivedCycleValidator(diagnostics);
    lockRules = new LockRules(trees, diagnostics, elements, types);
    asyncDerived =
        new AsyncDerivedValidator(diagnostics, elements, new AsyncDerivedMethods(elements, types));
    outsideAccess = trees.map(t -> new OutsideAccessValidator(t, types, diagnostics));
    localClasses = trees.map(t -> new LocalClassValidator(t, diagnostics));
    writer = new ReactiveClassWriter(environment);
    if (trees.isEmpty()) {
      diagnostics.note(Messages.bodiesUnavailable());
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        StatewireAnnotations.REACTIVE,
        StatewireAnnotations.DERIVED,
        StatewireAnnotations.EFFECT,
        StatewireAnnotations.BACKGROUND);
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
    return false;
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
    AttributionOrder order = attributionOrder(classes.values());
    reportOpaque(order.opaque());
    for (TypeElement type : classes.values()) {
      if (order.decision(type) == Decision.DEFER && !lastRound) {
        deferred.add(type.getQualifiedName().toString());
        continue;
      }
      boolean readBodies = order.decision(type) != Decision.OPAQUE;
      guarded(type, () -> processClass(type, generatedNow, readBodies, lastRound));
    }
    validateMethodsOutsideReactiveClasses(round);
    lockRules.validateOutsideReactiveClasses(round);
    scanCompilationUnits(round, classes.isEmpty() || lastRound);
  }

  /**
   * When to read the bodies of {@code classes}: not while the code attributed with a class names
   * a class generated in this round ({@link AttributionOrder}). Abstract classes get no
   * generated class, so naming theirs waits for nothing.
   */
  private AttributionOrder attributionOrder(Collection<TypeElement> classes) {
    if (trees.isEmpty()) {
      return AttributionOrder.readingAll(Set.copyOf(classes));
    }
    Map<TypeElement, String> generatedNames = new LinkedHashMap<>();
    for (TypeElement type : classes) {
      if (!type.getModifiers().contains(Modifier.ABSTRACT)) {
        generatedNames.put(type, collector.generatedName(type).simpleName());
      }
    }
    return AttributionOrder.of(trees.get(), classes, generatedNames);
  }

  private void reportOpaque(List<TypeElement> opaque) {
    if (!opaque.isEmpty()) {
      diagnostics.note(
          Messages.bodiesNotReadInCycle(
              opaque.stream().map(t -> t.getQualifiedName().toString()).toList()));
    }
  }

  /**
   * SW205, SW206 and SW101 for local classes over the units of this round and of earlier rounds
   * not scanned yet; {@code now} is false while classes of this processor are still to be
   * generated (the units may name them), and in the last round at the latest it is true.
   */
  private void scanCompilationUnits(RoundEnvironment round, boolean now) {
    if (trees.isEmpty()) {
      return;
    }
    for (TypeElement root : ElementFilter.typesIn(round.getRootElements())) {
      unscanned.add(root.getQualifiedName().toString());
    }
    if (!now) {
      return;
    }
    List<TreePath> units =
        CompilationUnits.declaring(unscanned, processingEnv.getElementUtils(), trees.get());
    unscanned.clear();
    outsideAccess.ifPresent(validator -> validator.validate(units));
    localClasses.ifPresent(validator -> validator.validate(units));
  }

  /**
   * Steps 1 to 4 for one class. A reference to a type that does not exist yet defers the class
   * to the next round, unless the type is one of {@code generatedNow}, the classes this round
   * generates (a class may well refer to its own {@code ReactiveX}).
   */
  private void processClass(
      TypeElement type, Set<String> generatedNow, boolean readBodies, boolean lastRound) {
    String generated = collector.generatedName(type).simpleName();
    if (!declarations.validateClass(type, generated)) {
      return;
    }
    if (!generatedNow.containsAll(ErrorTypes.inSignatures(type))) {
      deferOrReport(type, lastRound);
      return;
    }
    ReactiveClass model = collector.collect(type);
    ClassAnalysis analysis =
        readBodies ? analyzer.analyze(model) : analyzer.analyzeWithoutBodies(model);
    if (!generatedNow.containsAll(analysis.unresolvedTypes())) {
      deferOrReport(type, lastRound);
      return;
    }
    int errorsBefore = diagnostics.errorCount();
    declarations.validateFields(model);
    ElementFilter.methodsIn(type.getEnclosedElements()).forEach(declarations::validateMethod);
    purity.validate(analysis);
    cycles.validate(analysis);
    lockRules.validate(analysis);
    asyncDerived.validate(model);
    if (diagnostics.errorCount() == errorsBefore && !model.isAbstract()) {
      writer.write(analysis);
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
