package dev.statewire.processor.generation;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Names of the members the generated class adds. All start with {@code $$sw$}, a prefix no
 * hand-written Java uses, so they never clash with the user's fields and methods.
 */
final class MemberNames {
  static final String PREFIX = "$$sw$";
  static final String CORE = PREFIX + "core";
  static final String VERIFY = PREFIX + "verify";
  static final String COMMIT = PREFIX + "commit";
  static final String ROLLBACK = PREFIX + "rollback";
  static final String RESTORE_MUTATED = PREFIX + "restoreMutated";
  static final String SAVEPOINT = PREFIX + "savepoint";
  static final String RESTORE_SAVEPOINT = PREFIX + "restoreSavepoint";
  static final String TASKS = PREFIX + "tasks";

  private MemberNames() {}

  /** The signal holding the committed value of {@code field}. */
  static String signal(VariableElement field) {
    return PREFIX + field.getSimpleName();
  }

  /** The computed value caching a {@code @Derived} method. */
  static String computed(ExecutableElement derived) {
    return PREFIX + derived.getSimpleName() + "$derived";
  }

  /** The private method that evaluates a {@code @Derived} method with tracking. */
  static String compute(ExecutableElement derived) {
    return PREFIX + derived.getSimpleName() + "$compute";
  }

  /** The private method that is the body of an {@code @Effect}. */
  static String effectBody(ExecutableElement effect) {
    return PREFIX + effect.getSimpleName() + "$run";
  }

  /** {@code preferred}, unless a parameter already has that name. */
  static String fresh(String preferred, ExecutableElement method) {
    boolean taken =
        method.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals(preferred));
    return taken ? PREFIX + preferred : preferred;
  }
}
