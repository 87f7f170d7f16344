package dev.statewire.processor;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.statewire.processor.analysis.BodyAnalyzer;
import dev.statewire.processor.analysis.LockScope;
import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.model.ModelCollector;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.StatewireAnnotations;
import dev.statewire.processor.validation.DerivedCycleValidator;
import dev.statewire.processor.validation.DerivedPurityValidator;
import dev.statewire.processor.validation.Diagnostics;
import dev.statewire.processor.validation.FinalOverrideValidator;
import dev.statewire.processor.validation.HiddenReadValidator;
import dev.statewire.processor.validation.LocalClassValidator;
import dev.statewire.processor.validation.LockRules;
import dev.statewire.processor.validation.Messages;
import dev.statewire.processor.validation.OutsideAccessValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The checks that read method bodies precisely (SW201-SW206, SW304-SW306, SW401-SW404, SW101
 * for local classes). They run when javac has attributed and flow-analysed a top-level class
 * (its {@code ANALYZE} event), never during annotation processing, so they change nothing javac
 * compiles; what they report fails the build at its line like any javac error. The Checker
 * Framework's {@code AbstractTypeProcessor} and Error Prone work this way.
 */
final class BodyChecks implements TaskListener {
  private final Trees trees;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final ModelCollector collector;
  private final BodyAnalyzer analyzer;
  private final DerivedPurityValidator purity;
  private final DerivedCycleValidator cycles;
  private final LockRules lockRules;
  private final OutsideAccessValidator outsideAccess;
  private final LocalClassValidator localClasses;
  private final HiddenReadValidator hiddenReads;
  private final FinalOverrideValidator finalOverrides;
  /** {@code -Astatewire.debug}: print each class's lock scopes. */
  private final boolean debug;
  /** The {@code @Reactive} classes still to check, by the qualified name of their top-level class. */
  private final Map<String, List<String>> pending = new HashMap<>();
  /**
   * For each class still to check, the top-level classes of its hierarchy's classes: when javac
   * has analysed one of them, its bodies are read before javac lowers them.
   */
  private final Map<String, Set<String>> hierarchyTops = new HashMap<>();
  /** The precise readings of method bodies so far. */
  private final Map<ExecutableElement, LockScope> readings = new HashMap<>();

  BodyChecks(
      Trees trees,
      Elements elements,
      Diagnostics diagnostics,
      ModelCollector collector,
      BodyAnalyzer analyzer,
      LockRules lockRules,
      OutsideAccessValidator outsideAccess,
      boolean debug) {
    this.debug = debug;
    this.trees = trees;
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.collector = collector;
    this.analyzer = analyzer;
    this.purity = new DerivedPurityValidator(diagnostics);
    this.cycles = new DerivedCycleValidator(diagnostics);
    this.lockRules = lockRules;
    this.outsideAccess = outsideAccess;
    this.localClasses = new LocalClassValidator(trees, diagnostics);
    this.hiddenReads = new HiddenReadValidator(diagnostics);
    this.finalOverrides = new FinalOverrideValidator(diagnostics, elements);
  }

  /** Checks the bodies of {@code type}, a {@code @Reactive} class, once javac has analysed it. */
  void expect(ReactiveClass model) {
    TypeElement type = model.element();
    pending
        .computeIfAbsent(topLevelOf(type).getQualifiedName().toString(), k -> new ArrayList<>())
        .add(type.getQualifiedName().toString());
    Set<String> tops = new HashSet<>();
    model.hierarchy().forEach(t -> tops.add(topLevelOf(t).getQualifiedName().toString()));
    hierarchyTops.put(type.getQualifiedName().toString(), tops);
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
      return;
    }
    TypeElement top = event.getTypeElement();
    try {
      check(top);
    } catch (Throwable failure) {
      diagnostics.error(top, Messages.internalError(top.getQualifiedName().toString(), failure));
    }
  }

  private void check(TypeElement top) {
    if (StatewireAnnotations.isPresent(top, StatewireAnnotations.STATEWIRE_GENERATED)) {
      return;
    }
    String topName = top.getQualifiedName().toString();
    for (Map.Entry<String, Set<String>> entry : hierarchyTops.entrySet()) {
      TypeElement type = elements.getTypeElement(entry.getKey());
      if (entry.getValue().contains(topName) && type != null && !topLevelOf(type).equals(top)) {
        analyzer.readAttributed(
            collector.collect(type),
            method -> topLevelOf((TypeElement) method.getEnclosingElement()).equals(top),
            readings);
      }
    }
    for (String name : pending.getOrDefault(topName, List.of())) {
      TypeElement type = elements.getTypeElement(name);
      hierarchyTops.remove(name);
      if (type != null) {
        LockScopes scopes = analyzer.analyzeAttributed(collector.collect(type), readings);
        purity.validate(scopes.analysis());
        cycles.validate(scopes.analysis());
        lockRules.validateBodies(scopes);
        hiddenReads.validate(scopes);
        finalOverrides.validate(scopes.analysis());
        if (debug) {
          diagnostics.note(AnalysisReport.lockScopes(scopes));
        }
      }
    }
    pending.remove(topName);
    TreePath path = trees.getPath(top);
    if (path != null) {
      outsideAccess.validate(List.of(path));
      localClasses.validate(List.of(path));
    }
  }

  private static TypeElement topLevelOf(TypeElement type) {
    TypeElement top = type;
    for (Element at = type.getEnclosingElement(); at instanceof TypeElement; at = at.getEnclosingElement()) {
      top = (TypeElement) at;
    }
    return top;
  }
}
