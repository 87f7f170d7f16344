package dev.statewire;

/** A signal was written while a computed value was being computed (computations must be pure). */
public final class IllegalWriteException extends StatewireException {
  private static final long serialVersionUID = 1L;

  IllegalWriteException(String message) {
    super(message);
  }
}
