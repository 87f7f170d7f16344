package dev.statewire.processor.analysis;

/**
 * Code of a method body that does not run where it is written: it may run later, on another
 * thread, after a lock block has ended. A lock block does not extend into it.
 */
public enum Deferral {
  /** Runs where it is written. */
  NONE(""),
  /** Inside a lambda expression. */
  LAMBDA("a lambda"),
  /** Inside an anonymous class. */
  ANONYMOUS_CLASS("an anonymous class"),
  /** Inside a local class. */
  LOCAL_CLASS("a local class"),
  /** A method reference, {@code this::m}: the method runs when the reference is invoked. */
  METHOD_REFERENCE("a method reference");

  private final String description;

  Deferral(String description) {
    this.description = description;
  }

  /** How messages name it: "a lambda". */
  public String description() {
    return description;
  }
}
