package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step 2: reads the method bodies of a {@code @Reactive} class, once per phase. During the
 * rounds ({@link #analyzeInRound}) the reading is syntactic and attributes nothing: it gives the
 * dependency sets and roles the generated class needs. After javac has attributed the class's
 * compilation unit ({@link #analyzeAttributed}) it is precise and feeds the body checks. Without
 * Trees (another compiler), or for a method compiled earlier (no source), the body is opaque and
 * assumed to read and write every reactive field. The methods of inner (non-static member)
 * classes of the hierarchy are read too: what they do to {@code Outer.this} happens where they
 * are called.
 */
public final class BodyAnalyzer {
  private final Optional<Trees> trees;
  private final Elements elements;
  private final BlockingCalls blocking;
  private final InPlaceMutators mutators;
  private final SameThreadSinks sinks;

  public BodyAnalyzer(Optional<Trees> trees, Elements elements, Types types) {
    this.trees = trees;
    this.elements = elements;
    this.blocking = new BlockingCalls(elements, types);
    this.mutators = new InPlaceMutators(elements, types);
    this.sinks = new SameThreadSinks(elements, types);
  }

  /** The reading during a round: names and scopes only, nothing attributed. */
  public ClassAnalysis analyzeInRound(ReactiveClass model) {
    Reading reading = new Reading(model);
    Symbols symbols =
        new SyntacticSymbols(reading.fields, reading.analysed(), Set.copyOf(reading.inner));
    return reading.read(symbols).analysis();
  }

  /**
   * The analysis of {@code model} stripped of its fields and methods: what the generated class of
   * a class with an error in its declarations is built from, so that it declares only
   * constructors and the plumbing every generated class has, and can name nothing the error is
   * about.
   */
  public ClassAnalysis withoutMembers(ReactiveClass model) {
    ReactiveClass bare =
        new ReactiveClass(
            model.element(),
            model.hierarchy(),
            List.of(),
            List.of(),
            List.of(),
            model.generatedName());
    return new ClassAnalysis(bare, Map.of(), trees.isPresent(), elements);
  }

  /**
   * The precise reading, once javac has attributed the class's compilation unit. Bodies already
   * in {@code readings} are not read again; those read now are added to it.
   */
  public LockScopes analyzeAttributed(
      ReactiveClass model, Map<ExecutableElement, LockScope> readings) {
    Reading reading = new Reading(model);
    return reading.read(attributedSymbols(reading), readings, method -> true);
  }

  /**
   * Reads precisely, into {@code readings}, the bodies of the methods of {@code model}'s
   * hierarchy that {@code which} selects: javac lowers a class's trees right after analysing it,
   * so a superclass's bodies are read when javac has analysed the superclass, before they change.
   */
  public void readAttributed(
      ReactiveClass model,
      Predicate<ExecutableElement> which,
      Map<ExecutableElement, LockScope> readings) {
    Reading reading = new Reading(model);
    reading.read(attributedSymbols(reading), readings, which);
  }

  private Symbols attributedSymbols(Reading reading) {
    return new AttributedSymbols(
        trees.orElseThrow(),
        reading.fields,
        Set.copyOf(reading.analysed()),
        Set.copyOf(reading.inner),
        Set.copyOf(reading.model.hierarchy()));
  }

  /** What one reading of a class covers. */
  private final class Reading {
    final ReactiveClass model;
    final Set<VariableElement> fields;
    final List<ExecutableElement> inner;

    Reading(ReactiveClass model) {
      this.model = model;
      this.fields =
          model.fields().stream()
              .map(ReactiveField::element)
              .collect(Collectors.toCollection(LinkedHashSet::new));
      this.inner = new ArrayList<>();
      model.hierarchy().forEach(type -> collectInnerClassMethods(type, inner));
    }

    List<ExecutableElement> analysed() {
      List<ExecutableElement> all = new ArrayList<>(model.methods());
      all.addAll(model.overriddenMethods());
      all.addAll(inner);
      return all;
    }

    LockScopes read(Symbols symbols) {
      return read(symbols, new LinkedHashMap<>(), method -> true);
    }

    LockScopes read(
        Symbols symbols,
        Map<ExecutableElement, LockScope> readings,
        Predicate<ExecutableElement> which) {
      Map<ExecutableElement, MethodAccess> direct = new LinkedHashMap<>();
      Map<ExecutableElement, LockScope> bodies = new LinkedHashMap<>();
      for (ExecutableElement method : analysed()) {
        if (!which.test(method)) {
          continue;
        }
        LockScope known = readings.get(method);
        if (known != null) {
          bodies.put(method, known);
          direct.put(method, MethodAccess.of(known));
          continue;
        }
        TreePath path = trees.map(t -> t.getPath(method)).orElse(null);
        if (path == null) {
          boolean touchesNoInstance =
              method.getModifiers().contains(Modifier.STATIC)
                  || method.getModifiers().contains(Modifier.ABSTRACT);
          direct.put(method, MethodAccess.opaque(touchesNoInstance ? Set.of() : fields));
          continue;
        }
        LockScope body = BodyScanner.scan(path, symbols, blocking, mutators, sinks);
        readings.put(method, body);
        bodies.put(method, body);
        direct.put(method, MethodAccess.of(body));
      }
      ClassAnalysis analysis = new ClassAnalysis(model, direct, trees.isPresent(), elements);
      return new LockScopes(analysis, elements, bodies);
    }
  }

  /** The methods of the inner classes of {@code type}, and of theirs, declared in source. */
  private void collectInnerClassMethods(TypeElement type, List<ExecutableElement> into) {
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      if (nested.getKind() == ElementKind.CLASS
          && !nested.getModifiers().contains(Modifier.STATIC)
          && trees.map(t -> t.getPath(nested)).isPresent()) {
        into.addAll(ElementFilter.methodsIn(nested.getEnclosedElements()));
        collectInnerClassMethods(nested, into);
      }
    }
  }
}
