package dev.statewire.codec;

import dev.statewire.StatewireException;

/**
 * Text handed to {@link StateCodec#decode} is not a value that codec encodes, or a value handed
 * to {@link StateCodec#encode} cannot be encoded (null for a primitive).
 */
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

  /**
   * Creates the exception with its cause.
   *
   * @param message what was expected and what was found
   * @param cause the failure behind it (a record constructor's, a user codec's), or null
   */
  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
