package dev.statewire.codec;

/** Short, printable excerpts of text for the messages of {@link CodecException}. */
final class Excerpts {
  private static final int LIMIT = 40;

  private Excerpts() {}

  /**
   * {@return {@code text} cut to at most 40 characters (marked with "..."), control characters
   * escaped}
   */
  static String shortened(String text) {
    String cut = text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "...";
    return printable(cut);
  }

  /** {@return the text of {@code text} around {@code offset}, for a parse error} */
  static String around(String text, int offset) {
    int from = Math.max(0, offset - LIMIT / 2);
    int to = Math.min(text.length(), offset + LIMIT / 2);
    return (from > 0 ? "..." : "")
        + printable(text.substring(from, to))
        + (to < text.length() ? "..." : "");
  }

  /** {@return {@code c} in quotes, or the end of the text} */
  static String character(String text, int offset) {
    return offset >= text.length()
        ? "the end of the text"
        : "'" + printable(String.valueOf(text.charAt(offset))) + "'";
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
