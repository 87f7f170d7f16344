package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Step 2: reads the method bodies of a {@code @Reactive} class with javac's Trees API. Without
 * Trees (another compiler), or for a method compiled earlier (no source), the body is opaque and
 * assumed to read and write every reactive field.
 */
public final class BodyAnalyzer {
  private final Optional<Trees> trees;
  private final Elements elements;

  public BodyAnalyzer(Optional<Trees> trees, Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  /** Analyses every method of {@code model}'s hierarchy. */
  public ClassAnalysis analyze(ReactiveClass model) {
    return analyze(model, trees.isPresent());
  }

  /**
   * Analyses {@code model} without reading any body (as without Trees): every method is assumed
   * to read and write every reactive field. For a class whose code may not be attributed yet.
   */
  public ClassAnalysis analyzeWithoutBodies(ReactiveClass model) {
    return analyze(model, false);
  }

  private ClassAnalysis analyze(ReactiveClass model, boolean readBodies) {
    Set<VariableElement> fields =
        model.fields().stream()
            .map(ReactiveField::element)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<TypeElement> hierarchy = Set.copyOf(model.hierarchy());
    Map<ExecutableElement, MethodAccess> direct = new LinkedHashMap<>();
    for (ExecutableElement method : model.methods()) {
      direct.put(method, analyzeMethod(method, fields, hierarchy, readBodies));
    }
    for (ExecutableElement method : model.overriddenMethods()) {
      direct.put(method, analyzeMethod(method, fields, hierarchy, readBodies));
    }
    return new ClassAnalysis(model, direct, readBodies, elements);
  }

  private MethodAccess analyzeMethod(
      ExecutableElement method,
      Set<VariableElement> fields,
      Set<TypeElement> hierarchy,
      boolean readBodies) {
    boolean touchesNoInstance =
        method.getModifiers().contains(Modifier.STATIC)
            || method.getModifiers().contains(Modifier.ABSTRACT);
    TreePath path = readBodies ? trees.map(t -> t.getPath(method)).orElse(null) : null;
    if (path == null) {
      return MethodAccess.opaque(touchesNoInstance ? Set.of() : fields);
    }
    return MethodBodyScanner.scan(trees.get(), path, fields, hierarchy);
  }
}
