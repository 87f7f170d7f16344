package dev.statewire.processor.generation;

import dev.statewire.processor.model.AsyncDerivedMethods;
import dev.statewire.processor.model.BackgroundMethods;
import dev.statewire.processor.model.MethodRole;
import dev.statewire.processor.model.ReactiveClass;
import dev.statewire.processor.model.ReactiveField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The names of the private members the generated class adds for one {@code @Reactive} class:
 * {@code stateCore}, {@code countSignal}, {@code computeTotal()}, ... Each is checked against
 * every member name (field, method, nested type; private ones included) of the class, its
 * superclasses and interfaces, every parameter name of their methods and constructors, and
 * the other generated names; a name that is taken gets
 * a suffix ({@code countSignal$2}) until it is free. So no generated member can hide, clash with
 * or override a user member, whatever the user named theirs.
 */
final class MemberNames {
  private final Set<String> taken;
  private final Map<Element, String> signals = new HashMap<>();
  private final Map<Element, String> committedValues = new HashMap<>();
  private final Map<ExecutableElement, String> computeds = new HashMap<>();
  private final Map<ExecutableElement, String> computes = new HashMap<>();
  private final Map<ExecutableElement, String> effectBodies = new HashMap<>();
  private final Map<ExecutableElement, String> asyncFields = new HashMap<>();
  private final Map<ExecutableElement, String> paramsMethods = new HashMap<>();
  private final Map<ExecutableElement, String> loadMethods = new HashMap<>();
  private final String core;
  private final String tasks;
  private final String verify;
  private final String commit;
  private final String restore;
  private final String restoreMutated;
  private final String savepoint;
  private final String restoreSavepoint;
  private final String savedValues;

  /** Allocates every name up front, in a fixed order, so the output is deterministic. */
  MemberNames(ReactiveClass model, Set<String> userMemberNames) {
    this.taken = new HashSet<>(userMemberNames);
    reserveGeneratedApi(model);
    core = allocate("stateCore");
    tasks = allocate("tasks");
    verify = allocate("verifyFields");
    commit = allocate("commitFields");
    restore = allocate("restoreFields");
    restoreMutated = allocate("restoreMutatedFields");
    savepoint = allocate("saveFields");
    restoreSavepoint = allocate("restoreSavedFields");
    savedValues = allocate("saved");
    for (ReactiveField field : model.fields()) {
      signals.put(field.element(), allocate(field.name() + "Signal"));
    }
    for (ExecutableElement method : model.methods()) {
      String name = method.getSimpleName().toString();
      MethodRole role = ReactiveClass.roleOf(method);
      if (role == MethodRole.DERIVED) {
        computeds.put(method, allocate(name + "Computed"));
        computes.put(method, allocate("compute" + capitalized(name)));
        asyncFields.put(method, allocate(name + "Async"));
        paramsMethods.put(method, allocate(name + "Params"));
        loadMethods.put(method, allocate("load" + capitalized(name)));
      } else if (role == MethodRole.EFFECT) {
        effectBodies.put(method, allocate(name + "Effect"));
      }
    }
    for (ReactiveField field : model.fields()) {
      committedValues.put(field.element(), allocate(field.name() + "Committed"));
    }
  }

  /** The public members the generated class adds: the private names must not take them. */
  private void reserveGeneratedApi(ReactiveClass model) {
    taken.addAll(List.of("reactiveContext", "reactiveTransaction", "close"));
    taken.add(BackgroundMethods.RUNNING_TASKS);
    for (ExecutableElement method : model.methods()) {
      taken.add(BackgroundMethods.startMethodName(method));
      taken.add(AsyncDerivedMethods.resourceAccessorName(method));
    }
  }

  private String allocate(String preferred) {
    String name = preferred;
    for (int n = 2; !taken.add(name); n++) {
      name = preferred + "$" + n;
    }
    return name;
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * Every member name of the hierarchy (private ones included), and every parameter name of
   * its methods and constructors: the generated overrides and constructors copy those
   * parameters, and a parameter must not hide a generated field the body uses.
   */
  static Set<String> memberNamesOf(Hierarchy hierarchy) {
    Set<String> names = new HashSet<>();
    for (TypeElement type : hierarchy.types()) {
      for (Element member : type.getEnclosedElements()) {
        names.add(member.getSimpleName().toString());
        if (member instanceof ExecutableElement) {
          ((ExecutableElement) member).getParameters().stream()
              .map(Element::getSimpleName)
              .map(Name::toString)
              .forEach(names::add);
        }
      }
    }
    return names;
  }

  /** The {@code StateCore} field. */
  String core() {
    return core;
  }

  /** The {@code BackgroundTasks} field. */
  String tasks() {
    return tasks;
  }

  String verify() {
    return verify;
  }

  String commit() {
    return commit;
  }

  String restore() {
    return restore;
  }

  String restoreMutated() {
    return restoreMutated;
  }

  String savepoint() {
    return savepoint;
  }

  String restoreSavepoint() {
    return restoreSavepoint;
  }

  /** The parameter of {@link #restoreSavepoint()}: free of every field name, so it hides none. */
  String savedValues() {
    return savedValues;
  }

  /** The signal holding the committed value of {@code field}. */
  String signal(VariableElement field) {
    return signals.get(field);
  }

  /**
   * The plain field holding the committed value of {@code field} as the field holds it (a
   * primitive unboxed): what a session's start and its commit compare the field with.
   */
  String committed(VariableElement field) {
    return committedValues.get(field);
  }

  /** The computed value caching a {@code @Derived} method. */
  String computed(ExecutableElement derived) {
    return computeds.get(derived);
  }

  /** The private method that evaluates a {@code @Derived} method with tracking. */
  String compute(ExecutableElement derived) {
    return computes.get(derived);
  }

  /** The private method that is the body of an {@code @Effect}. */
  String effectBody(ExecutableElement effect) {
    return effectBodies.get(effect);
  }

  /** The {@code AsyncDerived} field of an async {@code @Derived} method. */
  String asyncField(ExecutableElement derived) {
    return asyncFields.get(derived);
  }

  /** The private method computing the params of an async derived method's resource. */
  String paramsMethod(ExecutableElement derived) {
    return paramsMethods.get(derived);
  }

  /** The private loader of an async derived method's resource. */
  String loadMethod(ExecutableElement derived) {
    return loadMethods.get(derived);
  }

  /** {@code preferred}, unless a parameter of {@code method} already has that name. */
  static String fresh(String preferred, ExecutableElement method) {
    Set<String> parameters = new HashSet<>();
    method.getParameters().forEach(p -> parameters.add(p.getSimpleName().toString()));
    String name = preferred;
    for (int n = 2; parameters.contains(name); n++) {
      name = preferred + "$" + n;
    }
    return name;
  }
}
