package dev.statewire;

/** The base of every exception the Statewire runtime throws for misuse or failure. */
public class StatewireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StatewireException(String message) {
    super(message);
  }

  public StatewireException(String message, Throwable cause) {
    super(message, cause);
  }
}
