package dev.statewire.codec;

import dev.statewire.StatewireException;

/** A field must be persisted but neither the processor nor the store has a codec for its type. */
public final class MissingCodecException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param field the field's name
   * @param typeName the field's declared type
   */
  public MissingCodecException(String field, String typeName) {
    super("field '" + field + "' of type " + typeName + " has no codec: annotate it with @Codec(YourCodec.class),"
        + " register a StateCodec for " + typeName + " with the store, or make the field transient");
  }
}
