package dev.statewire;

/** The base of every exception the Statewire runtime throws for misuse or failure. */
public class StatewireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the node, field or method, and what to do
   */
  public StatewireException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, naming the node, field or method, and what to do
   * @param cause the failure that led to it
   */
  public StatewireException(String message, Throwable cause) {
    super(message, cause);
  }
}
