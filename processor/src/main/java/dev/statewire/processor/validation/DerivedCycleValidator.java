package dev.statewire.processor.validation;

import dev.statewire.processor.analysis.ClassAnalysis;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.Signatures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Step 3c, SW304: {@code @Derived} methods do not call each other in a cycle, directly or through
 * helpers. Each cycle is reported once, at its first method in declaration order, with the path,
 * helpers included ({@code a() -> helper() -> b() -> a()}).
 */
public final class DerivedCycleValidator {
  private final Diagnostics diagnostics;

  public DerivedCycleValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks the derived methods of the analysed class. */
  public void validate(ClassAnalysis analysis) {
    if (!analysis.bodiesVisible()) {
      return;
    }
    List<ExecutableElement> derived =
        analysis.model().methods().stream()
            .filter(m -> ReactiveClass.roleOf(m) == MethodRole.DERIVED)
            .filter(m -> !analysis.direct(m).opaque())
            .toList();
    Set<ExecutableElement> reported = new HashSet<>();
    for (ExecutableElement start : derived) {
      if (reported.contains(start)) {
        continue;
      }
      List<ExecutableElement> cycle = shortestCycle(analysis, start);
      if (!cycle.isEmpty()) {
        reported.addAll(cycle);
        List<String> names = new ArrayList<>();
        List<ExecutableElement> closed = new ArrayList<>(cycle);
        closed.add(start);
        for (int i = 0; i < closed.size() - 1; i++) {
          names.add(Signatures.of(closed.get(i)));
          analysis
              .derivedCalleePaths(closed.get(i))
              .getOrDefault(closed.get(i + 1), List.of())
              .forEach(helper -> names.add(Signatures.of(helper)));
        }
        names.add(Signatures.of(start));
        diagnostics.error(start, Messages.derivedCycle(names));
      }
    }
  }

  /** The shortest path of derived methods from {@code start} back to it, or empty. */
  private static List<ExecutableElement> shortestCycle(
      ClassAnalysis analysis, ExecutableElement start) {
    Map<ExecutableElement, ExecutableElement> previous = new HashMap<>();
    Deque<ExecutableElement> queue = new ArrayDeque<>();
    queue.add(start);
    Set<ExecutableElement> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      ExecutableElement current = queue.poll();
      for (ExecutableElement next : analysis.derivedCallees(current)) {
        if (next.equals(start)) {
          List<ExecutableElement> path = new ArrayList<>();
          for (ExecutableElement at = current; at != null; at = previous.get(at)) {
            path.add(0, at);
          }
          return path;
        }
        if (seen.add(next)) {
          previous.put(next, current);
          queue.add(next);
        }
      }
    }
    return List.of();
  }
}
