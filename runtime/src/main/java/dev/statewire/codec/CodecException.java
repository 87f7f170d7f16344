package dev.statewire.codec;

import dev.statewire.StatewireException;

/** Text handed to {@link StateCodec#decode} is not a value that codec encodes. */
public final class CodecException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and what was found, quoting the start of the text
   */
  public CodecException(String message) {
    super(message);
  }
}
