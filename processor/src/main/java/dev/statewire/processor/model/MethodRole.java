package dev.statewire.processor.model;

/** What a method of a {@code @Reactive} class was annotated as. */
public enum MethodRole {
  /** {@code @Derived}: a cached computed value. */
  DERIVED,
  /** {@code @Effect}: a side effect started at construction. */
  EFFECT,
  /** {@code @Background}: a task; the generated class leaves it to the background support. */
  BACKGROUND,
  /** No Statewire annotation: a tracked read, an action, or untouched, depending on its body. */
  PLAIN
}
