package dev.statewire;

/** A node of one context was used by a computation or write of another context. */
public final class ContextMismatchException extends StatewireException {
  private static final long serialVersionUID = 1L;

  ContextMismatchException(String message) {
    super(message);
  }
}
