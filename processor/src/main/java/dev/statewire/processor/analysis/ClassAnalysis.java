package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The result of step 2 for one class: what each method of its hierarchy does to the reactive
 * fields, directly ({@link #direct}) and through the methods it calls on {@code this}
 * ({@link #effective}). Calls are followed through every method of the class: helpers that
 * cannot be overridden, and overridable methods too, since the generated class is final and
 * overrides nothing it did not analyse.
 */
public final class ClassAnalysis {
  private final ReactiveClass model;
  private final Map<ExecutableElement, MethodAccess> direct;
  private final boolean bodiesVisible;
  private final Elements elements;
  private final Map<ExecutableElement, Access> effective = new HashMap<>();
  private final Map<ExecutableElement, Access> tracked = new HashMap<>();

  ClassAnalysis(
      ReactiveClass model,
      Map<ExecutableElement, MethodAccess> direct,
      boolean bodiesVisible,
      Elements elements) {
    this.model = model;
    this.direct = direct;
    this.bodiesVisible = bodiesVisible;
    this.elements = elements;
  }

  /** The analysed class. */
  public ReactiveClass model() {
    return model;
  }

  /**
   * False when the bodies were not read (the compiler offers no Trees API): every method is then
   * opaque.
   */
  public boolean bodiesVisible() {
    return bodiesVisible;
  }

  /** What the body of {@code method} itself does. */
  public MethodAccess direct(ExecutableElement method) {
    return direct.get(method);
  }

  /** The method of the class a call runs: the override that virtual dispatch picks, if any. */
  public Optional<ExecutableElement> resolve(MethodCall call) {
    ExecutableElement target = call.target();
    boolean dispatchesVirtually =
        !call.viaSuper()
            && !target.getModifiers().contains(Modifier.STATIC)
            && !target.getModifiers().contains(Modifier.PRIVATE);
    if (dispatchesVirtually) {
      for (ExecutableElement method : model.methods()) {
        if (method.equals(target) || elements.overrides(method, target, model.element())) {
          return Optional.of(method);
        }
      }
    }
    return direct.containsKey(target) ? Optional.of(target) : Optional.empty();
  }

  /** The methods {@code method} calls on {@code this}, resolved. */
  public List<ExecutableElement> callees(ExecutableElement method) {
    return direct.get(method).calls().stream().flatMap(call -> resolve(call).stream()).toList();
  }

  /** What {@code method} reads and writes, directly or through any method it calls on this. */
  public Access effective(ExecutableElement method) {
    return effective.computeIfAbsent(method, m -> reachableAccess(m, false));
  }

  /**
   * What a caller of {@code method} comes to depend on: what it reads itself or through the
   * methods it calls, stopping at {@code @Derived} methods (a derived value is a node of its
   * own: the caller depends on it, not on the fields behind it) and at actions (overridable
   * methods that write, which run untracked).
   */
  public Access tracked(ExecutableElement method) {
    return tracked.computeIfAbsent(method, m -> reachableAccess(m, true));
  }

  /**
   * The {@code @Derived} methods {@code method} calls, directly or through methods that are not
   * derived ({@code method} itself included when it is reached again: recursion).
   */
  public Set<ExecutableElement> derivedCallees(ExecutableElement method) {
    return derivedCalleePaths(method).keySet();
  }

  /**
   * The {@code @Derived} methods {@code method} calls, each with the helpers (methods that are
   * not derived) the first call path to it goes through, in call order.
   */
  public Map<ExecutableElement, List<ExecutableElement>> derivedCalleePaths(
      ExecutableElement method) {
    Map<ExecutableElement, List<ExecutableElement>> derived = new LinkedHashMap<>();
    Map<ExecutableElement, List<ExecutableElement>> helpersTo = new HashMap<>();
    Deque<ExecutableElement> pending = new ArrayDeque<>();
    for (ExecutableElement callee : callees(method)) {
      if (!helpersTo.containsKey(callee)) {
        helpersTo.put(callee, List.of());
        pending.add(callee);
      }
    }
    while (!pending.isEmpty()) {
      ExecutableElement callee = pending.poll();
      List<ExecutableElement> helpers = helpersTo.get(callee);
      if (ReactiveClass.roleOf(callee) == MethodRole.DERIVED) {
        derived.putIfAbsent(callee, helpers);
        continue;
      }
      List<ExecutableElement> through = new ArrayList<>(helpers);
      through.add(callee);
      for (ExecutableElement next : callees(callee)) {
        if (!helpersTo.containsKey(next)) {
          helpersTo.put(next, List.copyOf(through));
          pending.add(next);
        }
      }
    }
    return derived;
  }

  /**
   * Where {@code method} writes a field, itself or through any method it calls on this: the path
   * of calls to the first write found.
   */
  public Optional<HelperPath> writePath(ExecutableElement method) {
    return writePath(method, new HashSet<>());
  }

  private Optional<HelperPath> writePath(ExecutableElement method, Set<ExecutableElement> visited) {
    MethodAccess access = direct.get(method);
    if (access == null || !visited.add(method)) {
      return Optional.empty();
    }
    Optional<Map.Entry<VariableElement, TreePath>> write =
        access.writeSites().entrySet().stream().findFirst();
    if (write.isPresent()) {
      return Optional.of(
          new HelperPath(
              List.of(method), write.get().getValue(), Optional.of(write.get().getKey())));
    }
    for (MethodCall call : access.calls()) {
      Optional<HelperPath> through =
          resolve(call).flatMap(callee -> writePath(callee, visited));
      if (through.isPresent()) {
        return Optional.of(through.get().through(method));
      }
    }
    return Optional.empty();
  }

  private Access reachableAccess(ExecutableElement method, boolean stopAtTrackingBoundaries) {
    Set<VariableElement> reads = new LinkedHashSet<>();
    Set<VariableElement> writes = new LinkedHashSet<>();
    Set<ExecutableElement> visited = new LinkedHashSet<>();
    Deque<ExecutableElement> pending = new ArrayDeque<>(List.of(method));
    while (!pending.isEmpty()) {
      ExecutableElement current = pending.pop();
      if (!visited.add(current)) {
        continue;
      }
      if (!current.equals(method) && stopAtTrackingBoundaries && isTrackingBoundary(current)) {
        continue;
      }
      reads.addAll(direct.get(current).reads());
      writes.addAll(direct.get(current).writes());
      pending.addAll(callees(current));
    }
    return new Access(orderedLike(reads), orderedLike(writes));
  }

  /** A derived value, or an action: what lies behind it does not make a caller depend on it. */
  private boolean isTrackingBoundary(ExecutableElement callee) {
    if (ReactiveClass.roleOf(callee) == MethodRole.DERIVED) {
      return true;
    }
    boolean overridable =
        model.hierarchy().contains(callee.getEnclosingElement())
            && !callee.getModifiers().contains(Modifier.PRIVATE)
            && !callee.getModifiers().contains(Modifier.STATIC)
            && !callee.getModifiers().contains(Modifier.FINAL);
    return overridable && !effective(callee).writes().isEmpty();
  }

  /** {@code fields} in the model's field order, so generated code and messages are stable. */
  private Set<VariableElement> orderedLike(Set<VariableElement> fields) {
    Set<VariableElement> ordered = new LinkedHashSet<>();
    model.fields().forEach(f -> {
      if (fields.contains(f.element())) {
        ordered.add(f.element());
      }
    });
    return ordered;
  }
}
