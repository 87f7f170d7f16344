package dev.statewire.processor;

import dev.statewire.processor.analysis.Access;
import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.analysis.LockScope;
import dev.statewire.processor.analysis.LockScope.FieldAccess;
import dev.statewire.processor.analysis.LockScopes;
import dev.statewire.processor.analysis.OverrideKind;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The text {@code -Astatewire.debug} prints for one class: what the generated class does with
 * each method, and which fields each method reads and writes, inside and outside lock blocks.
 */
final class AnalysisReport {
  private AnalysisReport() {}

  /** The roles and dependencies the generated class is built from (read during the rounds). */
  static String roles(ClassAnalysis analysis, Elements elements, Types types) {
    StringBuilder text =
        new StringBuilder("[statewire.debug] ")
            .append(analysis.model().element().getQualifiedName())
            .append(" -> ")
            .append(analysis.model().generatedName().simpleName())
            .append(analysis.bodiesVisible() ? "" : " (bodies not read: widest dependencies)");
    for (ExecutableElement method : analysis.model().methods()) {
      OverrideKind kind = OverrideKind.of(analysis, method, elements, types);
      Access access = analysis.effective(method);
      text.append("\n  ").append(signature(method)).append(": ").append(kind);
      append(text, "reads", access.reads());
      append(text, "writes", access.writes());
    }
    return text.toString();
  }

  /** Where each method reads and writes fields relative to its lock blocks (attributed bodies). */
  static String lockScopes(LockScopes scopes) {
    ClassAnalysis analysis = scopes.analysis();
    StringBuilder text =
        new StringBuilder("[statewire.debug] lock scopes of ")
            .append(analysis.model().element().getQualifiedName());
    for (ExecutableElement method : analysis.model().methods()) {
      Optional<LockScope> scope = scopes.of(method);
      if (scope.isEmpty() || scope.get().fieldUses().isEmpty() && scope.get().locks().isEmpty()) {
        continue;
      }
      LockScope body = scope.get();
      text.append("\n  ").append(signature(method)).append(':');
      text.append(" ").append(body.locks().size()).append(body.locks().size() == 1 ? " lock" : " locks");
      append(text, "writes in lock", fields(body, u -> u.use().writes() && u.place().locked()));
      append(text, "writes outside", fields(body, u -> u.use().writes() && !u.place().locked()));
      append(text, "reads in lock", fields(body, u -> u.use().reads() && u.place().locked()));
      append(text, "reads outside", fields(body, u -> u.use().reads() && !u.place().locked()));
    }
    return text.toString();
  }

  private static Set<VariableElement> fields(LockScope body, Predicate<FieldAccess> which) {
    Set<VariableElement> found = new LinkedHashSet<>();
    body.fieldUses().stream().filter(which).forEach(use -> found.add(use.field()));
    return found;
  }

  private static void append(StringBuilder text, String label, Collection<VariableElement> fields) {
    if (!fields.isEmpty()) {
      text.append("; ")
          .append(label)
          .append(' ')
          .append(
              fields.stream()
                  .map(f -> f.getSimpleName().toString())
                  .sorted(Comparator.naturalOrder())
                  .collect(Collectors.joining(", ")));
    }
  }

  private static String signature(ExecutableElement method) {
    return method.getSimpleName()
        + method.getParameters().stream()
            .map(p -> p.asType().toString())
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
