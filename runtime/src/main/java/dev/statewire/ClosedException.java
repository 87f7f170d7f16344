package dev.statewire;

/** Something was used after its {@code close()}: a resource, a state object's tasks. */
public final class ClosedException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message says to create a new one.
   *
   * @param what the closed thing, e.g. {@code "Resource 'user'"}
   * @param operation what was attempted, e.g. {@code "reload()"}
   */
  public ClosedException(String what, String operation) {
    super(what + " is closed, so " + operation + " is not allowed; create a new one instead of "
        + "using it after close().");
  }
}
