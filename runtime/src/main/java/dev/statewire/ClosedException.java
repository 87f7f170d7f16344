package dev.statewire;

/** Something was used after its {@code close()}. */
public final class ClosedException extends StatewireException {
  private static final long serialVersionUID = 1L;

  public ClosedException(String what) {
    super(what + " is closed; create a new one instead of using it after close().");
  }
}
