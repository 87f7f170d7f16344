package dev.statewire.codec;

import dev.statewire.StatewireException;

/** A field must be persisted but neither the processor nor the store has a codec for its type. */
public final class MissingCodecException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for field {@code field} of declared type {@code typeName}.
   *
   * @param field the field, named as its class and the field ({@code "Counter.count"}) or alone
   * @param typeName the field's declared type, as written in source
   */
  public MissingCodecException(String field, String typeName) {
    super("field '" + field + "' of type " + typeName + " has no codec: annotate it with @Codec(YourCodec.class),"
        + " register a StateCodec for " + typeName + " with the store, or make the field transient");
  }
}
