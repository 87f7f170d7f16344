package dev.statewire.processor.generation;

import dev.statewire.processor.model.Signatures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

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

  /** {@code name(int, java.lang.Object[])}: a Javadoc link target with erased parameter types. */
  static String linkTarget(Types types, String name, ExecutableElement method) {
    return name
        + method.getParameters().stream()
            .map(p -> types.erasure(p.asType()).toString())
            .collect(Collectors.joining(", ", "(", ")"));
  }

  /** The fields as a list of inline code tags. */
  static String codeList(Collection<VariableElement> fields) {
    return fields.stream()
        .map(f -> "{@code " + f.getSimpleName() + "}")
        .collect(Collectors.joining(", "));
  }

  /** What a derived value, effect or tracked read depends on, in words. */
  static String dependencies(
      Collection<VariableElement> fields, Collection<ExecutableElement> derived) {
    List<String> parts = new ArrayList<>();
    if (!fields.isEmpty()) {
      parts.add((fields.size() == 1 ? "field " : "fields ") + codeList(fields));
    }
    if (!derived.isEmpty()) {
      parts.add(
          (derived.size() == 1 ? "derived value " : "derived values ")
              + derived.stream()
                  .map(m -> "{@link #" + Signatures.of(m) + "}")
                  .collect(Collectors.joining(", ")));
    }
    return parts.isEmpty() ? "nothing of this instance" : String.join(" and ", parts);
  }
}
