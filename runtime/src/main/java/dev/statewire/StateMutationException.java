package dev.statewire;

/**
 * A reactive field was changed outside any lock block or action (by reflection, or by code that
 * was compiled without the Statewire processor). Detected at the object's next lock or commit;
 * the field is restored to its last committed value.
 */
public final class StateMutationException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /** The field, as {@code Class.field}. */
  private final String field;

  /**
   * Creates the exception; the message says the change was reverted.
   *
   * @param owner the class that declares the field, e.g. {@code TaskState}
   * @param field the field's name
   */
  public StateMutationException(String owner, String field) {
    super("Field '" + owner + "." + field + "' was changed outside a lock block or action, so "
        + "the change was not tracked and has been reverted to the last committed value. Write "
        + "reactive fields only inside the class (in an action, or inside "
        + "try (var self = Statewire.lock(this)) { ... }).");
    this.field = owner + "." + field;
  }

  /** {@return the field, as {@code Class.field}} */
  public String field() {
    return field;
  }
}
