package dev.statewire.processor.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wraps the Javadoc of generated members so the generated source reads well in an editor. */
final class JavadocText {
  private static final int WIDTH = 88;
  /** A word; an inline tag such as {@code {@link X#m(int, int)}} counts as one. */
  private static final Pattern WORD = Pattern.compile("\\S*\\{@[^}]*}\\S*|\\S+");

  private JavadocText() {}

  /** {@code text} wrapped at {@value #WIDTH} columns; paragraphs are separated by a blank line. */
  static String wrap(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : text.split("\n\n")) {
      paragraphs.add(wrapParagraph(paragraph));
    }
    return String.join("\n\n", paragraphs) + "\n";
  }

  private static String wrapParagraph(String paragraph) {
    StringBuilder out = new StringBuilder();
    int lineLength = 0;
    Matcher words = WORD.matcher(paragraph.trim());
    while (words.find()) {
      String word = words.group();
      if (lineLength > 0 && lineLength + 1 + word.length() > WIDTH) {
        out.append('\n');
        lineLength = 0;
      } else if (lineLength > 0) {
        out.append(' ');
        lineLength++;
      }
      out.append(word);
      lineLength += word.length();
    }
    return out.toString();
  }
}
