package dev.statewire.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnostics corpus: every case under {@code src/test/resources/diagnostics} is compiled
 * with the processor, and each diagnostic must be announced by a marker on its line, the way
 * Error Prone's {@code // BUG: Diagnostic contains:} and Arez's {@code bad_input/} work:
 *
 * <pre>{@code
 * count++; // [SW201] writes field count outside a lock block
 * }</pre>
 *
 * <p>A marker is the id in brackets, optionally followed by text the message must contain. The
 * test fails on a marker without its diagnostic and on any error or warning without a marker
 * (javac's own included, so an error inside generated code fails it too). {@code accepted/}
 * holds code that must compile without any; {@code rejected/} code with markers. A case is a
 * {@code .java} file, or a directory whose {@code .java} files compile together; a name
 * containing {@code _jdk21} is compiled only on JDK 21 and later.
 */
class DiagnosticFixturesTest {
  private static final Path ROOT =
      Path.of(
          System.getProperty("statewire.diagnostics_dir", "src/test/resources/diagnostics"));
  private static final Pattern MARKER = Pattern.compile("\\[(SW\\d{3})\\]([^\\[]*)");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

  static Stream<Path> cases() throws IOException {
    List<Path> cases = new ArrayList<>();
    for (String group : List.of("accepted", "rejected")) {
      try (Stream<Path> entries = Files.list(ROOT.resolve(group))) {
        entries.filter(DiagnosticFixturesTest::runsOnThisJdk).sorted().forEach(cases::add);
      }
    }
    return cases.stream();
  }

  static boolean runsOnThisJdk(Path path) {
    return !path.getFileName().toString().contains("_jdk21") || Runtime.version().feature() >= 21;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyDiagnosticIsMarkedAndEveryMarkerIsMet(Path fixture) throws IOException {
    List<Path> files = javaFiles(fixture);
    List<Expected> expected = new ArrayList<>();
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      sources.add(JavaFileObjects.forSourceString(qualifiedName(file, text), text));
      expected.addAll(markers(file, text));
    }
    boolean accepted = fixture.getParent().getFileName().toString().equals("accepted");
    assertTrue(!accepted || expected.isEmpty(), fixture + ": accepted cases carry no markers");
    assertTrue(accepted || !expected.isEmpty(), fixture + ": rejected cases carry markers");
    Compilation compilation = Compilations.compileQuietly(sources);
    List<String> problems = new ArrayList<>();
    List<Expected> unmet = new ArrayList<>(expected);
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.NOTE
          || diagnostic.getKind() == Diagnostic.Kind.OTHER) {
        continue;
      }
      String message = diagnostic.getMessage(Locale.ROOT);
      String file = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName();
      Expected match =
          unmet.stream()
              .filter(e -> e.matches(file, diagnostic.getLineNumber(), message))
              .findFirst()
              .orElse(null);
      if (match == null) {
        problems.add(
            "unmarked " + diagnostic.getKind() + " at " + file + ":" + diagnostic.getLineNumber()
                + ": " + message);
      } else {
        unmet.remove(match);
      }
    }
    unmet.forEach(e -> problems.add("no diagnostic for marker " + e));
    assertTrue(problems.isEmpty(), fixture + ":\n" + String.join("\n", problems));
  }

  private static List<Path> javaFiles(Path fixture) throws IOException {
    if (!Files.isDirectory(fixture)) {
      return List.of(fixture);
    }
    try (Stream<Path> walk = Files.walk(fixture)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String qualifiedName(Path file, String text) {
    String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
    Matcher pkg = PACKAGE.matcher(text);
    return pkg.find() ? pkg.group(1) + "." + simple : simple;
  }

  private static List<Expected> markers(Path file, String text) {
    List<Expected> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int comment = lines[i].indexOf("//");
      if (comment < 0) {
        continue;
      }
      Matcher marker = MARKER.matcher(lines[i].substring(comment));
      while (marker.find()) {
        found.add(new Expected(file.getFileName().toString(), i + 1, marker.group(1),
            marker.group(2).trim()));
      }
    }
    return found;
  }

  /** A marker: a diagnostic with {@code id}, containing {@code text}, at the line. */
  private record Expected(String file, long line, String id, String text) {
    boolean matches(String diagnosticFile, long diagnosticLine, String message) {
      return diagnosticFile.endsWith("/" + file)
          && diagnosticLine == line
          && message.startsWith("[" + id + "]")
          && message.contains(text);
    }

    @Override
    public String toString() {
      return file + ":" + line + " [" + id + "] " + text;
    }
  }
}
