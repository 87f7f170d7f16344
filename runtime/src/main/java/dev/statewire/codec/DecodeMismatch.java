package dev.statewire.codec;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Inside a decode: a part of the parsed value is not what its codec expects. Each enclosing array,
 * object or record adds its step to {@link #at the path}; {@link JsonCodec#decode} turns it into
 * the {@link CodecException} the caller sees. Never leaves the package.
 */
final class DecodeMismatch extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String found;
  private final transient Deque<String> path = new ArrayDeque<>();

  DecodeMismatch(String expected, String found) {
    this(expected, found, null);
  }

  DecodeMismatch(String expected, String found, Throwable cause) {
    super(null, cause, false, false);
    this.expected = expected;
    this.found = found;
  }

  /** {@return this mismatch, now inside {@code step} ({@code [2]}, {@code .name})} */
  DecodeMismatch at(String step) {
    path.addFirst(step);
    return this;
  }

  /** {@return what the caller of {@code decode} gets} */
  CodecException toCodecException() {
    String where = path.isEmpty() ? "" : " at $" + String.join("", path);
    return new CodecException("expected " + expected + where + ", found " + found, getCause());
  }
}
